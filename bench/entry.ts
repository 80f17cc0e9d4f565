// What bench/run.mjs bundles, once for Node and once for a Chromium page.
export { runQueryBench } from './queries.js';
export { runTilesBench } from './tiles.js';
export { syntheticWorld, random, around } from './synthetic.js';
export { buildTiles, TILES_VERSION } from '../src/core/tiles.js';
