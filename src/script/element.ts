// dist/script/element.*.js: what the loader (src/cdn.ts) inserts when a <safetrade-meetup> comes
// near the viewport. The widget's code has just been evaluated in this task; defining the element
// upgrades every one on the page and renders it, which waits for the next task, so that the host
// page never sees one long task of both (bench/loader-table.mjs measures it).
import { define } from '../element/register.js';

export { TAG } from '../element/register.js';

setTimeout(define);
