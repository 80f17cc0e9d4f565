// dist/script/element-*.js: what the loader (src/cdn.ts) inserts when a <safetrade-meetup> comes
// near the viewport. Defines the element (guarded: a copy already defined stays, see define.ts).
export { TAG } from '../define.js';
