// Everything the element needs to get a dataset, one job per module:
//   fetch-json.ts    one JSON file within page-wide limits (timeout, retry, size), LoadError on failure
//   cache.ts         page-wide, shared, ref-counted, aborting and bounded cache of loads by URL
//   load-dataset.ts  `stations-src`: fetch, then a dataset or a tile manifest, cached
//   tiles-source.ts  a tile manifest as a dataset: ranks by fetching only the tiles it needs
//   check.ts         a dataset as the widget takes it (at once, or in slices)
//   bidi.ts          bidi isolation of a dataset's text
//   errors.ts        LoadError and AbortError
export { checkDataset } from './check.js';
export { abortError, isAbortError, LoadError } from './errors.js';
export { configure, DEFAULT_LOAD_SETTINGS, fetchJson, type FetchJsonOptions, type LoadSettings } from './fetch-json.js';
export { loadDataset } from './load-dataset.js';
export type { LoadedDataset, TiledStations } from './tiles-source.js';
