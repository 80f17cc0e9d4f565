// Tiled datasets: a large dataset split into adaptive lat/lng cells (a cell is split into four
// until it holds at most `maxPerTile` stations, so a city gets small tiles and the countryside big
// ones), plus a small manifest saying which cells hold a tile. A query then fetches only the tiles
// whose lower bound (the index's box bound, on the cell) can still beat its current results.
// Format: docs/TILES.md.
import { DATASET_FORMAT, DATASET_VERSION, DatasetError } from './dataset.js';
import { describe } from './geo.js';
import { boxKm, party } from './index-tree.js';
import { bestIsClosed, checkHoursOptions, openFirst, rankStations, type HoursRankOptions } from './rank.js';
import { checkOptions, checkParties, key1, score, type RankSettings } from './rule.js';
import type { LatLng, Parties, RankOptions, Station, Suggestion } from './types.js';

export const TILES_FORMAT = 'safetrade-stations-tiles';
export const TILES_VERSION = 1;
export const DEFAULT_MAX_PER_TILE = 128;
export const DEFAULT_TILE_URL = 'tiles/{id}.json';
/** Past this depth (cells ~0.0003° tall) stations share a spot; the tile keeps them all. */
const MAX_DEPTH = 24;
/** Tree codes, one per cell in pre-order; a tile is a digit d: it holds 2^d to 2^(d+1) - 1 stations. */
const EMPTY = '-';
const SPLIT = 'x';
/** Digit 9 means 512 or more (only a pile of stations on one spot gets there). */
const TOP_DIGIT = 9;

/** The manifest as stored (format version 1); see docs/TILES.md. */
export interface TileManifest {
  format: typeof TILES_FORMAT;
  version: typeof TILES_VERSION;
  name?: string;
  updated?: string;
  attribution?: string[];
  /** Stations in all tiles. */
  stations: number;
  /** Where a tile is, relative to the manifest; `{id}` is replaced by the tile id. */
  url: string;
  /**
   * The quadtree in pre-order: `-` an empty cell, `x` a cell split into SW, SE, NW, NE, a digit d
   * a tile of 2^d to 2^(d+1) - 1 stations (9: 512 or more). About 2 bits a cell after gzip.
   */
  tree: string;
}

/** One tile: its cell (every station in the tile lies inside) and how many stations it holds. */
export interface Tile {
  id: string;
  /** The tile's URL as the manifest gives it (resolve it against the manifest's URL). */
  url: string;
  /** [west, south, east, north] in degrees. */
  bbox: [number, number, number, number];
  /** It holds at least `minCount` and at most `maxCount` stations. */
  minCount: number;
  maxCount: number;
}

export interface ParsedTileManifest {
  manifest: TileManifest;
  tiles: Tile[];
}

export interface BuildTilesOptions {
  maxPerTile?: number;
  url?: string;
  name?: string;
  updated?: string;
  attribution?: string[];
}

/**
 * Splits validated stations into tiles. Returns the manifest and each tile's dataset (format v1,
 * so a tile loads with parseDataset like any dataset).
 */
export function buildTiles(stations: readonly Station[], options: BuildTilesOptions = {}) {
  const { maxPerTile = DEFAULT_MAX_PER_TILE, url = DEFAULT_TILE_URL, name, updated, attribution } = options;
  if (!Number.isInteger(maxPerTile) || maxPerTile < 1) throw new RangeError(`maxPerTile must be a whole number of at least 1 (got ${describe(maxPerTile)})`);
  checkTemplate(url);
  let tree = '';
  const files: { id: string; dataset: { format: typeof DATASET_FORMAT; version: typeof DATASET_VERSION; stations: Station[] } }[] = [];
  const visit = (id: string, inCell: Station[], [w, s, e, n]: number[], depth: number) => {
    if (inCell.length === 0) tree += EMPTY;
    else if (inCell.length <= maxPerTile || depth === MAX_DEPTH) {
      tree += String(Math.min(TOP_DIGIT, Math.floor(Math.log2(inCell.length))));
      files.push({ id, dataset: { format: DATASET_FORMAT, version: DATASET_VERSION, stations: inCell } });
    } else {
      tree += SPLIT;
      const [midLng, midLat] = [(w! + e!) / 2, (s! + n!) / 2];
      const quads: Station[][] = [[], [], [], []];
      for (const st of inCell) quads[(st.lng < midLng ? 0 : 1) + (st.lat < midLat ? 0 : 2)]!.push(st);
      quads.forEach((q, i) => visit(id + i, q, cellOf(i, w!, s!, e!, n!), depth + 1));
    }
  };
  visit('t', [...stations], [-180, -90, 180, 90], 0);
  const manifest: TileManifest = {
    format: TILES_FORMAT,
    version: TILES_VERSION,
    ...(name ? { name } : {}),
    ...(updated ? { updated } : {}),
    ...(attribution ? { attribution } : {}),
    stations: stations.length,
    url,
    tree,
  };
  return { manifest, tiles: files };
}

/** Whether `input` claims to be a tile manifest (then parse it with parseTileManifest). */
export function isTileManifest(input: unknown): boolean {
  return typeof input === 'object' && input !== null && (input as { format?: unknown }).format === TILES_FORMAT;
}

/** Validates a manifest; throws a DatasetError quoting the bad value. */
export function parseTileManifest(input: unknown): ParsedTileManifest {
  if (!isTileManifest(input)) throw new DatasetError(`format must be "${TILES_FORMAT}" (got ${describe((input as { format?: unknown })?.format)})`);
  const m = input as Record<string, unknown>;
  if (m.version !== TILES_VERSION) throw new DatasetError(`version must be ${TILES_VERSION} (got ${describe(m.version)})`);
  const { url, tree, stations } = m;
  if (typeof url !== 'string') throw new DatasetError(`url must be a string with {id} (got ${describe(url)})`);
  try {
    checkTemplate(url);
  } catch (error) {
    throw new DatasetError((error as Error).message);
  }
  if (typeof tree !== 'string' || !/^[-x0-9]+$/.test(tree)) throw new DatasetError(`tree must be a string of -, x and digits (got ${describe(tree)})`);
  const tiles: Tile[] = [];
  let pos = 0;
  const walk = (id: string, cell: number[], depth: number) => {
    const code = tree[pos++];
    if (code === undefined || depth > MAX_DEPTH) throw new DatasetError(`tree ends early or nests too deep at ${id}`);
    if (code === SPLIT) for (let i = 0; i < 4; i++) walk(id + i, cellOf(i, cell[0]!, cell[1]!, cell[2]!, cell[3]!), depth + 1);
    else if (code !== EMPTY) {
      const d = Number(code);
      tiles.push({ id, url: url.replace('{id}', id), bbox: cell as Tile['bbox'], minCount: 2 ** d, maxCount: d === TOP_DIGIT ? Infinity : 2 ** (d + 1) - 1 });
    }
  };
  walk('t', [-180, -90, 180, 90], 0);
  if (pos !== tree.length) throw new DatasetError(`tree has ${tree.length - pos} extra codes after the last cell`);
  const [min, max] = tiles.reduce(([a, b], t) => [a + t.minCount, b + t.maxCount], [0, 0]);
  if (!Number.isInteger(stations) || (stations as number) < min || (stations as number) > max) {
    throw new DatasetError(`stations must be a whole number in ${min}…${max} for this tree (got ${describe(stations)})`);
  }
  return { manifest: input as unknown as TileManifest, tiles };
}

/**
 * The tiles that can hold an eligible station for these parties, with the smallest ranking key
 * (`k1`) any station inside could have, best first.
 */
export function tilesByBound(tiles: readonly Tile[], seller: LatLng, buyer: LatLng | null, settings: RankSettings) {
  const s = party(seller);
  const b = buyer ? party(buyer) : null;
  const out: { tile: Tile; k1: number }[] = [];
  for (const tile of tiles) {
    const [w, south, e, n] = tile.bbox;
    const sKm = boxKm(s, w, south, e, n);
    const bKm = b ? boxKm(b, w, south, e, n) : 0;
    if (sKm > settings.maxDistanceKm || bKm > settings.maxDistanceKm) continue;
    const k1 = !b ? sKm : settings.mode === 'fair' ? Math.max(sKm, bKm) : settings.mode === 'total' ? sKm + bKm : bKm;
    out.push({ tile, k1 });
  }
  return out.sort((x, y) => x.k1 - y.k1 || (x.tile.id < y.tile.id ? -1 : 1));
}

/** Loads one tile's stations; reject (never resolve with fewer stations) when it fails. */
export type TileLoader = (tile: Tile) => Promise<readonly Station[]>;

/**
 * How rankTiles plans its loads. `bytes` (default): first the best-bound tiles that hold `limit`
 * stations, then every tile whose bound does not exceed the k-th result's key (two rounds in a
 * city, one in the countryside). `rounds`: one round whenever tiles wholly within reach of both
 * parties (so holding only eligible stations) hold `limit` stations: the worst key among them
 * bounds the k-th result's key, and every tile that could beat it loads at once; more bytes.
 */
export type TilePlan = 'bytes' | 'rounds';

/**
 * Exactly `rankStations(all stations, parties, options)`, loading only the tiles needed, in at most
 * two rounds of parallel loads.
 */
export async function rankTiles(
  tiles: readonly Tile[],
  parties: Parties,
  options: RankOptions & HoursRankOptions,
  load: TileLoader,
  plan: TilePlan = 'bytes',
): Promise<{ suggestions: Suggestion[]; tiles: Tile[]; rounds: number }> {
  const { openAt, preferOpenAt } = checkHoursOptions(options);
  const ranked = await rankTilesOnce(tiles, parties, { ...options, openAt }, load, plan);
  if (!bestIsClosed(ranked.suggestions, preferOpenAt)) return ranked;
  // As rankStations does: the best station not known to be closed goes first. (The element never
  // passes openAt and preferOpenAt together; with both, this looks for one open at preferOpenAt.)
  const open = await rankTilesOnce(tiles, parties, { ...options, limit: 1, openAt: preferOpenAt }, load, plan);
  const suggestions = openFirst(ranked.suggestions, open.suggestions[0], checkOptions(options).limit);
  return { suggestions, tiles: [...new Set([...ranked.tiles, ...open.tiles])], rounds: ranked.rounds + open.rounds };
}

async function rankTilesOnce(tiles: readonly Tile[], parties: Parties, options: RankOptions & { openAt?: Date | undefined }, load: TileLoader, plan: TilePlan) {
  const { seller, buyer } = checkParties(parties);
  const settings = checkOptions(options);
  const candidates = tilesByBound(tiles, seller, buyer, settings);
  const loaded = new Set<Tile>();
  const stations: Station[] = [];
  let rounds = 0;
  const fetchRound = async (batch: Tile[]) => {
    if (batch.length === 0) return;
    rounds++;
    batch.forEach((t) => loaded.add(t));
    for (const list of await Promise.all(batch.map(load))) for (const st of list) stations.push(st);
  };
  const worst = plan === 'rounds' ? worstKey(candidates, seller, buyer, settings) : Infinity;
  const first: Tile[] = [];
  let held = 0;
  for (const c of candidates) {
    if (worst < Infinity ? c.k1 > worst : held >= settings.limit && c.k1 > candidates[first.length - 1]!.k1) break;
    first.push(c.tile);
    held += c.tile.minCount;
  }
  await fetchRound(first);
  // A station closed at openAt is absent, so the k-th key can only grow: round two still covers it.
  const rank = () => rankStations(stations, { seller, buyer }, options.openAt ? { ...settings, openAt: options.openAt } : settings);
  let suggestions = rank();
  const kth = suggestions.length < settings.limit ? Infinity : keyOf(suggestions[suggestions.length - 1]!, settings);
  await fetchRound(candidates.filter((c) => c.k1 <= kth && !loaded.has(c.tile)).map((c) => c.tile));
  if (rounds > 1) suggestions = rank();
  return { suggestions, tiles: [...loaded], rounds };
}

/** An upper bound on the k-th result's key from tiles wholly within reach, or Infinity. */
function worstKey(candidates: { tile: Tile }[], seller: LatLng, buyer: LatLng | null, settings: RankSettings): number {
  const sure: { k1: number; count: number }[] = [];
  for (const { tile } of candidates) {
    const sKm = farKm(seller, tile.bbox);
    const bKm = buyer ? farKm(buyer, tile.bbox) : null;
    if (sKm <= settings.maxDistanceKm && (bKm === null || bKm <= settings.maxDistanceKm))
      sure.push({ k1: key1(sKm, bKm, settings.mode), count: tile.minCount });
  }
  sure.sort((a, b) => a.k1 - b.k1);
  let held = 0;
  for (const t of sure) if ((held += t.count) >= settings.limit) return t.k1;
  return Infinity;
}

/**
 * At least the distance from `p` to the farthest point of a cell. When every meridian of the cell is
 * within 90° of p's, the farthest point is a corner (along a parallel the distance grows with the
 * longitude difference, along such a meridian it has one minimum, and the antipode is outside);
 * otherwise no useful bound is claimed.
 */
function farKm(p: LatLng, [w, s, e, n]: Tile['bbox']): number {
  const near = (lng: number) => Math.abs(((((lng - p.lng) % 360) + 540) % 360) - 180) <= 90;
  const inside = p.lng >= w && p.lng <= e;
  if (e - w > 180 || !near(w) || !near(e) || (inside && (p.lng - w > 90 || e - p.lng > 90))) return Infinity;
  const far = Math.max(roughKm(p, { lat: s, lng: w }), roughKm(p, { lat: n, lng: w }), roughKm(p, { lat: s, lng: e }), roughKm(p, { lat: n, lng: e }));
  return far * (1 + 1e-9) + 1e-9;
}

const roughKm = (a: LatLng, b: LatLng) => {
  const h =
    Math.sin(((b.lat - a.lat) * Math.PI) / 360) ** 2 +
    Math.cos((a.lat * Math.PI) / 180) * Math.cos((b.lat * Math.PI) / 180) * Math.sin(((b.lng - a.lng) * Math.PI) / 360) ** 2;
  return 2 * 6378.137 * Math.asin(Math.sqrt(Math.min(1, h)));
};

/** Checks that every station of a loaded tile lies in its cell: a misplaced one would break the bounds. */
export function checkTileStations(tile: Tile, stations: readonly Station[]): void {
  const [w, s, e, n] = tile.bbox;
  for (const st of stations) {
    if (!(st.lng >= w && st.lng <= e && st.lat >= s && st.lat <= n)) {
      throw new DatasetError(`tile ${tile.id} holds station ${describe(st.id)} at ${st.lat},${st.lng}, outside its cell [${tile.bbox.join(', ')}]`);
    }
  }
}

const keyOf = (s: Suggestion, settings: RankSettings) => score(s.station, s.sellerKm, s.buyerKm, settings.mode).k1;

/** Quadrant i of a cell: 0 SW, 1 SE, 2 NW, 3 NE. */
function cellOf(i: number, w: number, s: number, e: number, n: number): number[] {
  const [midLng, midLat] = [(w + e) / 2, (s + n) / 2];
  return [i & 1 ? midLng : w, i & 2 ? midLat : s, i & 1 ? e : midLng, i & 2 ? n : midLat];
}

function checkTemplate(url: string): void {
  // Relative paths only: a manifest must not point the widget at another origin or a script URL.
  if (!url.includes('{id}') || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) {
    throw new RangeError(`url must be a relative path containing {id} (got ${describe(url)})`);
  }
}
