// Kept for scripts and benchmarks that only drive Chromium: the engines are found (and, as root
// on Debian, installed) by scripts/ensure-browsers.mjs.
export { CHROMIUM_ARGS, chromiumPath } from './ensure-browsers.mjs';
