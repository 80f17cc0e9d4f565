// Everything of safetrade-meetup/core that the script-tag bundle's global `SafeTradeMeetup` also
// exposes: all of it but buildTiles, which only a build needs (the CLI or safetrade-meetup/core).
export { parseDataset, DatasetError, DATASET_FORMAT, DATASET_VERSION, FEATURES, STATION_KINDS, WEEKDAYS } from './dataset.js';
export { openingState, isOpenAt, parseDateTime, type OpeningState, type WeekTime } from './hours.js';
export { rankStations, INDEX_MIN_STATIONS } from './rank.js';
export { MODES, DEFAULT_LIMIT, DEFAULT_MAX_DISTANCE_KM, DEFAULT_MODE } from './rule.js';
export { createStationIndex, queryIndex, type StationIndex } from './kdtree.js';
export {
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
} from './tiles.js';
export { distanceKm, cellCenter } from './geo.js';
export type * from './types.js';
export type { HoursRankOptions } from './rank.js';
