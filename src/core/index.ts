/**
 * safetrade-meetup/core: the dataset schema, the two-party ranking, distances and opening hours.
 * No DOM and no Lit, so it runs in Node, workers and the browser alike.
 */
export { parseDataset, DatasetError, DATASET_FORMAT, DATASET_VERSION, FEATURES, STATION_KINDS, WEEKDAYS } from './dataset.js';
export { openingState, isOpenAt, parseDateTime, type OpeningState, type WeekTime } from './hours.js';
export { rankStations, preferOpen, MODES, DEFAULT_LIMIT, DEFAULT_MAX_DISTANCE_KM, DEFAULT_MODE } from './rank.js';
export { distanceKm } from './geo.js';
export type * from './types.js';
export type { HoursRankOptions } from './rank.js';
