// Entry of dist/safetrade-meetup.js, the script-tag bundle: defines the element and exposes the
// core as the global `SafeTradeMeetup`.
// The core, less what only a build needs (buildTiles: use the CLI or safetrade-meetup/core).
export {
  parseDataset,
  DatasetError,
  DATASET_FORMAT,
  DATASET_VERSION,
  FEATURES,
  STATION_KINDS,
  WEEKDAYS,
  openingState,
  isOpenAt,
  parseDateTime,
  rankStations,
  MODES,
  DEFAULT_LIMIT,
  DEFAULT_MAX_DISTANCE_KM,
  DEFAULT_MODE,
  INDEX_MIN_STATIONS,
  createStationIndex,
  queryIndex,
  parseTileManifest,
  isTileManifest,
  rankTiles,
  checkTileStations,
  checkTileFile,
  TILES_FORMAT,
  TILES_VERSION,
  distanceKm,
} from './core/index.js';
export { define, TAG, VERSION } from './define.js';
export { hoursLine, loadMessages, MessagesLoadError, registerMessages, resolveLocale } from './i18n/index.js';
