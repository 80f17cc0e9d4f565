// Bytes and requests per query for the synthetic worldwide dataset: one file vs adaptive tiles,
// for queries in the densest metro and in the countryside. Sizes are gzip -9 of the JSON a static
// host would serve (the caller passes the gzip function, so this file stays free of Node APIs).
import { rankStations } from '../src/core/rank.js';
import { buildTiles, parseTileManifest, rankTiles, type Tile, type TilePlan } from '../src/core/tiles.js';
import type { LatLng, Station } from '../src/core/types.js';
import { median } from './queries.js';
import { around, random, syntheticWorld } from './synthetic.js';

export interface TilesRow {
  area: string;
  plan: TilePlan;
  maxPerTile: number;
  tiles: number;
  manifestGz: number;
  singleFileGz: number;
  /** Median and 90th percentile over the queries. */
  tilesGz: [number, number];
  requests: [number, number];
  rounds: [number, number];
  /** Manifest plus tiles: one cold query. */
  totalGz: [number, number];
  /** Share of queries answered in one round of tiles. */
  oneRound: number;
  identical: boolean;
}

export async function runTilesBench(n: number, perTile: number[], gzipSize: (text: string) => number, queries = 200): Promise<TilesRow[]> {
  const world = syntheticWorld(n, 42);
  const single = gzipSize(JSON.stringify({ format: 'safetrade-stations', version: 1, stations: world.stations }));
  const rows: TilesRow[] = [];
  for (const maxPerTile of perTile) {
    const built = buildTiles(world.stations, { maxPerTile });
    const manifestText = JSON.stringify(built.manifest);
    const { tiles } = parseTileManifest(JSON.parse(manifestText));
    const content = new Map<string, { stations: Station[]; gz: number }>(
      built.tiles.map((t) => [t.id, { stations: t.dataset.stations, gz: gzipSize(JSON.stringify(t.dataset)) }]),
    );
    const r = random(7);
    const areas: [string, () => LatLng][] = [
      ['dense metro', () => around(r, world.metro.centre, world.metro.radiusDeg * 0.8)],
      ['countryside', () => around(r, world.rural[Math.floor(r() * world.rural.length)]!, 0.2)],
    ];
    for (const [area, where] of areas)
      for (const plan of ['guess', 'bytes'] as const) {
        const bytes: number[] = [];
        const requests: number[] = [];
        const rounds: number[] = [];
        let identical = true;
        for (let q = 0; q < queries; q++) {
          const seller = where();
          const parties = { seller, buyer: around(r, seller, 0.3) };
          const options = { mode: 'fair' as const, limit: 3, maxDistanceKm: 40 };
          const got = await rankTilesCounting(tiles, parties, options, content, plan);
          const want = rankStations(world.stations, parties, options);
          if (JSON.stringify(got.result.suggestions) !== JSON.stringify(want)) identical = false;
          bytes.push(got.bytes);
          requests.push(got.result.tiles.length);
          rounds.push(got.result.rounds);
        }
        rows.push({
          area,
          plan,
          maxPerTile,
          tiles: tiles.length,
          manifestGz: gzipSize(manifestText),
          singleFileGz: single,
          tilesGz: [median(bytes), p90(bytes)],
          requests: [median(requests), p90(requests)],
          rounds: [median(rounds), p90(rounds)],
          totalGz: [gzipSize(manifestText) + median(bytes), gzipSize(manifestText) + p90(bytes)],
          oneRound: rounds.filter((x) => x <= 1).length / rounds.length,
          identical,
        });
      }
  }
  return rows;
}

async function rankTilesCounting(
  tiles: Tile[],
  parties: { seller: LatLng; buyer: LatLng },
  options: object,
  content: Map<string, { stations: Station[]; gz: number }>,
  plan: TilePlan,
) {
  let bytes = 0;
  const result = await rankTiles(
    tiles,
    parties,
    options,
    async (tile) => {
      const c = content.get(tile.id)!;
      bytes += c.gz;
      return c.stations;
    },
    plan,
  );
  return { result, bytes };
}

const p90 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.9)]!;
