/**
 * safetrade-meetup/core: the dataset schema, the two-party ranking, distances and opening hours.
 * No DOM and no Lit, so it runs in Node, workers and the browser alike.
 */
export * from './core-api.js';
export { buildTiles, type BuildTilesOptions } from './tiles.js';
