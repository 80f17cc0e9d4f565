// Tiled datasets: a large dataset split into adaptive lat/lng cells (a cell is split into four
// until it holds at most `maxPerTile` stations, so a city gets small tiles and the countryside big
// ones), plus a small manifest saying which cells hold a tile. A query guesses from the manifest
// alone how far its `limit`-th result lies, fetches in one round every tile whose lower bound (the
// index's box bound, on the cell) is within the guess, and checks the guess against what arrived:
// a short guess costs a second round, never a wrong answer. Format: docs/TILES.md.
import haversine from 'haversine-distance';
import { DATASET_FORMAT, DATASET_VERSION, DatasetError } from './dataset.js';
import { describe } from './geo.js';
import { boxKm, party, type PartyCoords } from './bounds.js';
import { bestIsClosed, checkHoursOptions, openFirst, rankStations, type HoursRankOptions } from './rank.js';
import { checkOptions, checkParties, key1, score, type RankSettings } from './rule.js';
import { runInSlices, runNow, type Steps } from './steps.js';
import type { LatLng, Parties, RankOptions, Station, Suggestion } from './types.js';

export const TILES_FORMAT = 'safetrade-stations-tiles';
/** Version 1 (pre-order tree with size classes) was never released; it is refused. */
export const TILES_VERSION = 2;
export const DEFAULT_MAX_PER_TILE = 128;
export const DEFAULT_TILE_URL = 'tiles/{id}.json';
/** Past this depth (cells ~0.0003° tall) stations share a spot; the tile keeps them all. */
export const MAX_DEPTH = 24;
/**
 * The most tiles, and split cells, a manifest may declare. A 20 MB manifest could declare 60
 * million tiles, and building them all would freeze the page and take gigabytes; 65,536 is far
 * above any honest build (100,000 stations at 128 per tile make about 1,500 tiles) and costs a
 * page a few megabytes, built in slices. Checked from the tree string, before anything is built.
 */
export const MAX_TILES = 65_536;
export const MAX_SPLIT_CELLS = 65_536;
/**
 * The tree: one character per split cell, breadth-first; its four quarters (SW, SE, NW, NE)
 * as base-3 digits, 0 empty, 1 a tile, 2 split further: code = 27·SW + 9·SE + 3·NW + NE.
 */
const TREE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+,-./:;<=>?';

/** The manifest as stored (format version 2); see docs/TILES.md. */
export interface TileManifest {
  format: typeof TILES_FORMAT;
  version: typeof TILES_VERSION;
  name?: string;
  updated?: string;
  attribution?: string[];
  /** Stations in all tiles. */
  stations: number;
  /** No tile holds more stations than this, except one 24 levels deep. */
  maxPerTile: number;
  /** A tag of the build, repeated in every tile, so that a tile of another build is refused. */
  build: string;
  /** Where a tile is, relative to the manifest; `{id}` is replaced by the tile id. */
  url: string;
  /** The quadtree breadth-first, one character per split cell for its four quarters (see TREE_ALPHABET). */
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
  /** The stations a tile holds on average (the manifest's total over its tiles): the planner's guess. */
  expected: number;
  /** The build tag the tile must carry. */
  build: string;
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
 * Splits validated stations into tiles. Returns the manifest (version 2) and each tile's dataset
 * (format v1, so a tile loads with parseDataset like any dataset), in the tree's order.
 */
export function buildTiles(stations: readonly Station[], options: BuildTilesOptions = {}) {
  const { maxPerTile = DEFAULT_MAX_PER_TILE, url = DEFAULT_TILE_URL, name, updated, attribution } = options;
  if (!Number.isInteger(maxPerTile) || maxPerTile < 1) throw new RangeError(`maxPerTile must be a whole number of at least 1 (got ${describe(maxPerTile)})`);
  checkTemplate(url);
  let tree = '';
  const build = buildTag(stations, maxPerTile);
  const files: { id: string; dataset: { format: typeof DATASET_FORMAT; version: typeof DATASET_VERSION; build: string; stations: Station[] } }[] = [];
  // Breadth-first; the world cell is always split, so that the tree is a list of split cells.
  const queue: { id: string; stations: Station[]; cell: number[]; depth: number }[] = [
    { id: 't', stations: [...stations], cell: [-180, -90, 180, 90], depth: 0 },
  ];
  for (let q = 0; q < queue.length; q++) {
    const { id, stations: inCell, cell, depth } = queue[q]!;
    const [w, s, e, n] = cell as [number, number, number, number];
    const [midLng, midLat] = [(w + e) / 2, (s + n) / 2];
    const quads: Station[][] = [[], [], [], []];
    for (const st of inCell) quads[(st.lng < midLng ? 0 : 1) + (st.lat < midLat ? 0 : 2)]!.push(st);
    let code = 0;
    quads.forEach((list, i) => {
      const child = { id: id + i, stations: list, cell: cellOf(i, w, s, e, n), depth: depth + 1 };
      const split = list.length > maxPerTile && child.depth < MAX_DEPTH;
      code = code * 3 + (list.length === 0 ? 0 : split ? 2 : 1);
      if (split) queue.push(child);
      else if (list.length) files.push({ id: child.id, dataset: { format: DATASET_FORMAT, version: DATASET_VERSION, build, stations: list } });
    });
    tree += TREE_ALPHABET[code];
  }
  const manifest: TileManifest = {
    format: TILES_FORMAT,
    version: TILES_VERSION,
    ...(name ? { name } : {}),
    ...(updated ? { updated } : {}),
    ...(attribution ? { attribution } : {}),
    stations: stations.length,
    maxPerTile,
    build,
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
  return runNow(parseTileManifestSteps(input));
}

/**
 * parseTileManifest in steps (slices.ts): the tree string is counted (and the caps checked)
 * before anything is built, and both the count and the build pause every so often.
 */
export function* parseTileManifestSteps(input: unknown): Steps<ParsedTileManifest> {
  if (!isTileManifest(input)) throw new DatasetError(`format must be "${TILES_FORMAT}" (got ${describe((input as { format?: unknown })?.format)})`);
  const m = input as Record<string, unknown>;
  if (m.version !== TILES_VERSION) throw new DatasetError(`version must be ${TILES_VERSION} (got ${describe(m.version)}; rebuild the tiles)`);
  const { url, tree, stations, maxPerTile, build } = m;
  if (typeof url !== 'string') throw new DatasetError(`url must be a string with {id} (got ${describe(url)})`);
  try {
    checkTemplate(url);
  } catch (error) {
    throw new DatasetError((error as Error).message);
  }
  if (!Number.isInteger(maxPerTile) || (maxPerTile as number) < 1) {
    throw new DatasetError(`maxPerTile must be a whole number of at least 1 (got ${describe(maxPerTile)})`);
  }
  if (typeof build !== 'string' || !/^[0-9a-z]{1,64}$/.test(build)) {
    throw new DatasetError(`build must be a tag of 1 to 64 digits and small letters (got ${describe(build)})`);
  }
  const declared = typeof tree === 'string' && tree.length > 0 ? yield* countTiles(tree) : -1;
  if (declared < 0) throw new DatasetError(`tree must be a non-empty string of the 81 tree characters (got ${describe(tree)})`);
  const splitCells = (tree as string).length;
  if (declared > MAX_TILES || splitCells > MAX_SPLIT_CELLS) {
    throw new DatasetError(
      `tree declares ${count(declared)} tiles in ${count(splitCells)} split cells, over the limit of ${count(MAX_TILES)} tiles and ${count(MAX_SPLIT_CELLS)} split cells (rebuild with a larger maxPerTile)`,
    );
  }
  const tiles: Tile[] = [];
  const root: Cell = { bbox: [-180, -90, 180, 90], quads: [] };
  // The split cells, breadth-first: the q-th one is described by tree[q].
  const split: { id: string; cell: Cell; depth: number }[] = [{ id: 't', cell: root, depth: 0 }];
  for (let q = 0; q < split.length; q++) {
    if (q % 256 === 255) yield;
    const { id, cell, depth } = split[q]!;
    if (q >= splitCells) throw new DatasetError(`tree ends early: no code for split cell ${id}`);
    const code = TREE_ALPHABET.indexOf((tree as string)[q]!);
    const [w, s, e, n] = cell.bbox;
    for (let i = 0; i < 4; i++) {
      const kind = Math.floor(code / 3 ** (3 - i)) % 3;
      if (kind === 0) continue;
      const childId = id + i;
      const bbox = cellOf(i, w, s, e, n) as Tile['bbox'];
      if (kind === 2 && depth + 1 >= MAX_DEPTH) throw new DatasetError(`tree nests too deep at ${childId}`);
      if (kind === 2) {
        const child: Cell = { bbox, quads: [] };
        cell.quads.push(child);
        split.push({ id: childId, cell: child, depth: depth + 1 });
      } else {
        const maxCount = depth + 1 === MAX_DEPTH ? Infinity : (maxPerTile as number);
        const tile: Tile = { id: childId, url: url.replace('{id}', childId), bbox, minCount: 1, maxCount, expected: 0, build };
        cell.quads.push(tile);
        tiles.push(tile);
      }
    }
  }
  if (splitCells > split.length) throw new DatasetError(`tree has ${splitCells - split.length} extra codes after the last cell`);
  let [min, max] = [0, 0];
  for (const t of tiles) [min, max] = [min + t.minCount, max + t.maxCount];
  if (!Number.isInteger(stations) || (stations as number) < min || (stations as number) > max) {
    throw new DatasetError(`stations must be a whole number in ${min}…${max} for this tree (got ${describe(stations)})`);
  }
  for (const t of tiles) t.expected = (stations as number) / tiles.length;
  TREES.set(tiles, root);
  return { manifest: input as unknown as TileManifest, tiles };
}

/** Tiles per tree character (the base-3 digits that are 1), or -1 for a character not in the alphabet. */
const TILES_IN_CODE = new Int8Array(128).fill(-1);
for (let code = 0; code < TREE_ALPHABET.length; code++) {
  TILES_IN_CODE[TREE_ALPHABET.charCodeAt(code)] = [27, 9, 3, 1].filter((d) => Math.floor(code / d) % 3 === 1).length;
}

/** The tiles a tree string declares, read from its characters alone; -1 when one is not a tree character. */
function* countTiles(tree: string): Steps<number> {
  let tiles = 0;
  for (let i = 0; i < tree.length; i++) {
    if (i % 65_536 === 65_535) yield;
    const c = tree.charCodeAt(i);
    const n = c < 128 ? TILES_IN_CODE[c]! : -1;
    if (n < 0) return -1;
    tiles += n;
  }
  return tiles;
}

/** 1048576 → "1,048,576". Not toLocaleString: the first Intl call on a page costs ~20 ms, for a developer's message. */
const count = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** A split cell of the tree: its box and the non-empty quarters, each a split cell or a tile. */
interface Cell {
  bbox: Tile['bbox'];
  quads: (Cell | Tile)[];
}

/** The tree of each tile list parseTileManifest returned, for walking instead of scanning. */
const TREES = new WeakMap<readonly Tile[], Cell>();

/**
 * The tree over `tiles`: the one parseTileManifest built, or, for a list made another way, one
 * made from the tile ids (a tile id spells its path from the world cell), each split cell's box
 * being the union of what lies beneath it, so that a walk finds every tile a scan would.
 */
function treeOf(tiles: readonly Tile[]): Cell {
  let root = TREES.get(tiles);
  if (root) return root;
  root = { bbox: [-180, -90, 180, 90], quads: [] };
  const cells = new Map<string, Cell>([['t', root]]);
  const path: Cell[] = [];
  for (const tile of tiles) {
    let at = root;
    path.length = 0;
    const steps = /^t[0-3]*$/.test(tile.id) ? tile.id.length - 1 : 0;
    for (let d = 1; d < steps; d++) {
      const id = tile.id.slice(0, d + 1);
      let next = cells.get(id);
      if (!next) {
        next = { bbox: [Infinity, Infinity, -Infinity, -Infinity], quads: [] };
        cells.set(id, next);
        at.quads.push(next);
      }
      path.push(next);
      at = next;
    }
    at.quads.push(tile);
    for (const cell of path) {
      const [w, s, e, n] = cell.bbox;
      cell.bbox = [Math.min(w, tile.bbox[0]), Math.min(s, tile.bbox[1]), Math.max(e, tile.bbox[2]), Math.max(n, tile.bbox[3])];
    }
  }
  TREES.set(tiles, root);
  return root;
}

/** A tile with the smallest ranking key (`k1`) any eligible station inside could have. */
interface Candidate {
  tile: Tile;
  /** From the whole cell. */
  k1: number;
  /** From the cell cut 8 × 8 (computed when first needed): never smaller. */
  fine?: number;
}

/**
 * The tiles that can hold an eligible station for these parties, with the smallest ranking key
 * (`k1`) any station inside could have, best first. Walks the tree and skips every split cell out
 * of reach of either party, with all beneath it: a query costs what lies near it, not the tile
 * count. Exactly the tiles (and order) a scan of every tile would give: a quarter's bound is never
 * below its cell's, and the skip allows a margin far above rounding.
 */
export function* tilesWithinReach(tiles: readonly Tile[], seller: LatLng, buyer: LatLng | null, settings: RankSettings): Steps<Candidate[]> {
  const s = party(seller);
  const b = buyer ? party(buyer) : null;
  const reach = settings.maxDistanceKm * (1 + 1e-9) + 1e-9;
  const out: Candidate[] = [];
  const stack: (Cell | Tile)[] = [treeOf(tiles)];
  for (let visited = 1; stack.length; visited++) {
    if (visited % 512 === 0) yield;
    const node = stack.pop()!;
    const [w, south, e, n] = node.bbox;
    if ('quads' in node) {
      if (boxKm(s, w, south, e, n) > reach || (b && boxKm(b, w, south, e, n) > reach)) continue;
      for (const quad of node.quads) stack.push(quad);
    } else {
      const k1 = boxBound(s, b, node.bbox, settings);
      if (k1 < Infinity) out.push({ tile: node, k1 });
    }
  }
  return out.sort((x, y) => x.k1 - y.k1 || (x.tile.id < y.tile.id ? -1 : 1));
}

/** The box bound of the index for one cell, or Infinity when no point of it is within reach of both parties. */
function boxBound(s: PartyCoords, b: PartyCoords | null, [w, south, e, n]: readonly number[], settings: RankSettings): number {
  const sKm = boxKm(s, w!, south!, e!, n!);
  const bKm = b ? boxKm(b, w!, south!, e!, n!) : null;
  if (sKm > settings.maxDistanceKm || (bKm !== null && bKm > settings.maxDistanceKm)) return Infinity;
  return key1(sKm, bKm, settings.mode);
}

/**
 * The cell's bound cut into 8 × 8 parts: the smallest of their bounds. Tighter, since the two
 * parties' nearest points of a part are close together (of the whole cell, they can be far apart).
 */
function fineBound(c: Candidate, s: PartyCoords, b: PartyCoords | null, settings: RankSettings): number {
  if (c.fine !== undefined) return c.fine;
  const [w, south, e, n] = c.tile.bbox;
  // The last edge is the cell's own, so the parts cover the cell exactly.
  const at = (lo: number, hi: number, i: number) => (i === FINE ? hi : lo + ((hi - lo) * i) / FINE);
  // Except in buyer mode the key is at least the seller's distance: a part that far is skipped.
  const skip = settings.mode !== 'buyer' || !b;
  let best = Infinity;
  for (let i = 0; i < FINE; i++)
    for (let j = 0; j < FINE; j++) {
      const part = [at(w, e, i), at(south, n, j), at(w, e, i + 1), at(south, n, j + 1)] as const;
      const sKm = boxKm(s, ...part);
      if (sKm > settings.maxDistanceKm || (skip && sKm >= best)) continue;
      const bKm = b ? boxKm(b, ...part) : null;
      if (bKm !== null && bKm > settings.maxDistanceKm) continue;
      best = Math.min(best, key1(sKm, bKm, settings.mode));
    }
  return (c.fine = Math.max(best, c.k1));
}
const FINE = 8;

/** Loads one tile's stations; reject (never resolve with fewer stations) when it fails. */
export type TileLoader = (tile: Tile) => Promise<readonly Station[]>;

/**
 * How rankTiles plans its loads. `guess` (default): from the manifest alone, the key U by which
 * the cells within reach, sampled and taken to hold the average tile's stations, should hold
 * GUESS_MARGIN × `limit` stations; round one loads every tile whose bound does not exceed U. When
 * the `limit`-th result's key is at most U, that is the exact answer in one round; else a second
 * round completes it. `bytes`: round one is the best-bound tiles until they surely hold `limit`
 * stations; round two every tile whose bound does not exceed the `limit`-th result's key (a few
 * bytes less, a second round more often).
 */
export type TilePlan = 'guess' | 'bytes';

/** Expected stations with a key up to U, as a multiple of `limit`, that the `guess` plan aims for. */
const GUESS_MARGIN = 2;
/** Sample points per side of a cell for the guess. */
const GUESS_GRID = 8;

/**
 * Exactly `rankStations(all stations, parties, options)`, loading only the tiles needed, in at most
 * two rounds of parallel loads.
 */
export async function rankTiles(
  tiles: readonly Tile[],
  parties: Parties,
  options: RankOptions & HoursRankOptions,
  load: TileLoader,
  plan: TilePlan = 'guess',
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
  const s = party(seller);
  const b = buyer ? party(buyer) : null;
  const candidates = await runInSlices(tilesWithinReach(tiles, seller, buyer, settings));
  const loaded = new Set<Tile>();
  const stations: Station[] = [];
  let rounds = 0;
  const fetchRound = async (batch: Tile[]) => {
    if (batch.length === 0) return;
    rounds++;
    batch.forEach((t) => loaded.add(t));
    for (const list of await Promise.all(batch.map(load))) for (const st of list) stations.push(st);
  };
  /** The tiles not loaded yet that could hold a station with a key up to `bound`; in slices (64 bounds per tile). */
  const upTo = (bound: number) =>
    runInSlices(
      (function* () {
        const out: Tile[] = [];
        let i = 0;
        for (const c of candidates) {
          if (c.k1 > bound) break;
          if (++i % 64 === 0) yield;
          if (!loaded.has(c.tile) && fineBound(c, s, b, settings) <= bound) out.push(c.tile);
        }
        return out;
      })(),
    );
  // Round one, `guess`: every tile that could hold a station with a key up to the guess. Without a
  // guess (too few stations expected within reach), all of them if they are few; else, and with
  // `bytes`, the best-bound tiles until they surely hold `limit` stations (and the ties of the last).
  const guess = plan === 'guess' ? await runInSlices(guessKey(candidates, seller, buyer, settings)) : -Infinity;
  const first = new Set(guess < Infinity || candidates.length <= GUESS_MARGIN * settings.limit ? await upTo(guess) : []);
  let held = first.size ? Infinity : 0;
  let last = -Infinity;
  for (const c of candidates) {
    if (held >= settings.limit && c.k1 > last) break;
    first.add(c.tile);
    held += c.tile.minCount;
    last = c.k1;
  }
  await fetchRound([...first]);
  // A station closed at openAt is absent, so the k-th key can only grow: round two still covers it.
  const rank = () => rankStations(stations, { seller, buyer }, options.openAt ? { ...settings, openAt: options.openAt } : settings);
  let suggestions = rank();
  const kth = suggestions.length < settings.limit ? Infinity : keyOf(suggestions[suggestions.length - 1]!, settings);
  await fetchRound(await upTo(kth));
  if (rounds > 1) suggestions = rank();
  return { suggestions, tiles: [...loaded], rounds };
}

/**
 * The planner's guess at the k-th result's key, from the manifest alone: sample each candidate
 * cell on a grid, let each sample stand for its share of the tile's expected stations, and return
 * the key by which GUESS_MARGIN × limit stations are expected. Only decides what round one loads;
 * the answer is exact whatever it returns.
 */
function* guessKey(candidates: Candidate[], seller: LatLng, buyer: LatLng | null, settings: RankSettings): Steps<number> {
  const keys: number[] = [];
  let want = Infinity;
  let guess = Infinity;
  for (const { tile, k1 } of candidates) {
    if (k1 > guess) break; // every sample of this tile and the next ones is at least k1
    yield; // 64 samples a tile
    const [w, s, e, n] = tile.bbox;
    want = Math.min(want, Math.ceil((GUESS_MARGIN * settings.limit * GUESS_GRID ** 2) / Math.max(1, tile.expected)));
    for (let i = 0; i < GUESS_GRID; i++)
      for (let j = 0; j < GUESS_GRID; j++) {
        const p = { lng: w + ((e - w) * (i + 0.5)) / GUESS_GRID, lat: s + ((n - s) * (j + 0.5)) / GUESS_GRID };
        const sKm = haversine(seller, p) / 1000;
        const bKm = buyer ? haversine(buyer, p) / 1000 : null;
        if (sKm <= settings.maxDistanceKm && (bKm === null || bKm <= settings.maxDistanceKm)) keys.push(key1(sKm, bKm, settings.mode));
      }
    if (keys.length >= want) {
      keys.sort((x, y) => x - y);
      keys.length = want;
      guess = keys[want - 1]!;
    }
  }
  return guess;
}

/**
 * Checks a loaded tile's JSON against the manifest: the build tag, so that a cached
 * manifest meeting tiles of another build is an error, and no more stations than a tile can hold.
 */
export function checkTileFile(tile: Tile, json: unknown, count: number): void {
  const build = (json as { build?: unknown } | null)?.build;
  if (build !== tile.build) {
    throw new DatasetError(`tile ${tile.id} is from build ${describe(build)}, the manifest from build "${tile.build}"`);
  }
  if (count < tile.minCount || count > tile.maxCount)
    throw new DatasetError(`tile ${tile.id} should hold ${tile.minCount}…${tile.maxCount} stations (got ${count})`);
}

/** A short tag of the stations (FNV-1a of ids and coordinates) and the tile size: same input, same tag. */
function buildTag(stations: readonly Station[], maxPerTile: number): string {
  let h = 0x811c9dc5;
  const add = (text: string) => {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  };
  add(String(maxPerTile));
  for (const st of stations) add(`|${st.id}|${st.lat}|${st.lng}`);
  return (h >>> 0).toString(16).padStart(8, '0');
}

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
