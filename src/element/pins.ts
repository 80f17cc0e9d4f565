// What the script tag's loader hands the widget: the integrity it pinned for a file beside it,
// and a response it fetched in advance. The ESM build has no loader, so nothing here; the script
// tag's files get src/script/pins.ts in place of this module (scripts/pins.mjs).

/** The SRI hash the loader pinned for `url` (the shipped dataset), if any. */
export function pinnedIntegrity(_url: string): string | undefined {
  return undefined;
}

/**
 * The loader's response for `url` fetched with `integrity` ('' for none), handed over once, so
 * that the dataset it started with the code is not fetched twice.
 */
export function takePrefetched(_url: string, _integrity: string): Promise<Response> | undefined {
  return undefined;
}
