// What a tile host learns about each party from the tile ids alone (issue 12, item 5), on the
// synthetic worldwide dataset (100k stations, default 128 per tile) in its densest metro, where
// tiles are smallest. For each query, every candidate position of one party on a grid around
// the true one (the other party held where it is: the host is granted it, a worst case) is run
// through the same tile planner the widget uses; the candidates that fetch exactly the same tile
// ids as the true position are what the host cannot rule out. Their area is the smallest area
// consistent with the fetched ids. Before: the seller's exact position plans the tiles; after
// (contract v1.1): its cell centre does, as the element does. The buyer who uses "Use my
// location" is the viewer: its own position is used as given, before and after.
import { cellCenter } from '../src/core/geo.js';
import { buildTiles, parseTileManifest, rankTiles, type Tile } from '../src/core/tiles.js';
import type { LatLng, Station } from '../src/core/types.js';
import { around, random, syntheticWorld } from './synthetic.js';

export interface TileAreaRow {
  who: string;
  /** Per query: km² consistent with the fetched tile ids; `edge` when the fill reached the grid's edge (then a lower bound). */
  areas: { areaKm2: number; edge: boolean }[];
}

const OPTIONS = { mode: 'fair' as const, limit: 3, maxDistanceKm: 40 };

export async function runTilePrivacy({ n = 100_000, queries = 12, halfKm = 4, stepKm = 0.1 } = {}): Promise<{ tiles: number; rows: TileAreaRow[] }> {
  const world = syntheticWorld(n, 42);
  const built = buildTiles(world.stations, {});
  const { tiles } = parseTileManifest(JSON.parse(JSON.stringify(built.manifest)));
  const content = new Map<string, Station[]>(built.tiles.map((t) => [t.id, t.dataset.stations]));

  const fetched = async (seller: LatLng, buyer: LatLng | null): Promise<string> => {
    const ids: string[] = [];
    await rankTiles(tiles as Tile[], { seller, buyer }, OPTIONS, async (tile) => {
      ids.push(tile.id);
      return content.get(tile.id)!;
    });
    // In the order requested: the host sees that too.
    return ids.join(' ');
  };

  /**
   * Area of the candidates around `truth` that fetch what `plan(truth)` fetches: a flood fill on a
   * `stepKm` grid from the true position, out to `halfKm` each way (the part of that set connected
   * to the truth, so if anything an underestimate: in the attacker's favour).
   */
  const consistentArea = async (truth: LatLng, plan: (p: LatLng) => Promise<string>) => {
    const want = await plan(truth);
    const k = Math.round(halfKm / stepKm);
    const cos = Math.cos((truth.lat * Math.PI) / 180);
    const at = (i: number, j: number) => ({ lat: truth.lat + (i * stepKm) / 111.32, lng: truth.lng + (j * stepKm) / (111.32 * cos) });
    const seen = new Set<string>(['0,0']);
    const queue: [number, number][] = [[0, 0]];
    let count = 0;
    let edge = false;
    while (queue.length) {
      const [i, j] = queue.pop()!;
      count++;
      if (Math.abs(i) === k || Math.abs(j) === k) {
        edge = true;
        continue;
      }
      for (const [di, dj] of [
        [1, 0],
        [-1, 0],
        [0, 1],
        [0, -1],
      ] as const) {
        const key = `${i + di},${j + dj}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if ((await plan(at(i + di, j + dj))) === want) queue.push([i + di, j + dj]);
      }
    }
    return { areaKm2: count * stepKm * stepKm, edge };
  };

  const r = random(99);
  const rows: Record<string, TileAreaRow> = {};
  const add = (who: string, result: { areaKm2: number; edge: boolean }) => (rows[who] ??= { who, areas: [] }).areas.push(result);
  for (let q = 0; q < queries; q++) {
    const seller = around(r, world.metro.centre, world.metro.radiusDeg * 0.5);
    const buyer = around(r, seller, 0.04);
    add('seller, listing view (no buyer yet) — before', await consistentArea(seller, (p) => fetched(p, null)));
    add('seller, listing view (no buyer yet) — after', await consistentArea(seller, (p) => fetched(cellCenter(p), null)));
    add('seller, buyer known — before', await consistentArea(seller, (p) => fetched(p, buyer)));
    add('seller, buyer known — after', await consistentArea(seller, (p) => fetched(cellCenter(p), buyer)));
    add('geolocated buyer (the viewer), before and after', await consistentArea(buyer, (p) => fetched(cellCenter(seller), p)));
  }
  return { tiles: tiles.length, rows: Object.values(rows) };
}
