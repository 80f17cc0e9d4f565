/**
 * safetrade-meetup/core: the dataset schema, the two-party ranking, distances and opening hours.
 * No DOM and no Lit, so it runs in Node, workers and the browser alike.
 */
export { parseDataset, DatasetError, DATASET_FORMAT, DATASET_VERSION, FEATURES, STATION_KINDS, WEEKDAYS } from './dataset.js';
export { openingState, isOpenAt, parseDateTime, type OpeningState, type WeekTime } from './hours.js';
export { rankStations, MODES, DEFAULT_LIMIT, DEFAULT_MAX_DISTANCE_KM, DEFAULT_MODE, INDEX_MIN_STATIONS } from './rank.js';
export { createStationIndex, queryIndex, type StationIndex } from './index-tree.js';
export {
  buildTiles,
  parseTileManifest,
  isTileManifest,
  rankTiles,
  checkTileStations,
  checkTileFile,
  TILES_FORMAT,
  TILES_VERSION,
  type Tile,
  type TileManifest,
  type ParsedTileManifest,
  type TileLoader,
  type TilePlan,
  type BuildTilesOptions,
} from './tiles.js';
export { distanceKm } from './geo.js';
export type * from './types.js';
export type { HoursRankOptions } from './rank.js';
