/**
 * safetrade-meetup/core: the dataset schema, the two-party ranking, distances and opening hours.
 * No DOM and no Lit, so it runs in Node, workers and the browser alike.
 */
export * from './api.js';
export { buildTiles, type BuildTilesOptions } from './tiles.js';
// The rules the safetrade-stations CLI words its messages with, taken from here so that a file
// the CLI accepts is a file the widget accepts. Not on the script tag's global: no page needs them.
export { checkDatasetOutline, isHoursRange } from './dataset.js';
export { describe } from './geo.js';
