// dist/script/element.*.js: what the loader (src/cdn.ts) inserts when a <safetrade-meetup> comes
// near the viewport. The widget's code has just been evaluated in this task. What follows runs in
// tasks of its own, so that the host page never sees one long task of several (bench/loader-table.mjs):
// 1. for a page not in English, the page's first Intl number formatters, which pay the engine's
//    one-time locale data setup (~110 ms at 4× CPU; an English card needs no Intl formatter, see
//    format.ts). With the script tag the dataset often arrives with the code, before the page is
//    ever idle, so the element's own warmFormatsSoon would find no idle moment;
// 2. defining the element, which upgrades every one on the page and renders it.
import { define } from '../element/register.js';
import { warmFormats } from '../element/format.js';

export { TAG } from '../element/register.js';

const task = (run: () => void) => setTimeout(run, 0);

task(() => {
  try {
    warmFormats(document.documentElement.lang || navigator.language);
  } catch {
    // a malformed lang: the element reports it
  }
  task(define);
});
