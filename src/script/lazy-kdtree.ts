// The k-d index as dist/script sees it (scripts/pins.mjs points rank.ts here): its code is a file
// of its own, fetched the first time a dataset of INDEX_MIN_STATIONS or more is ranked. Until it
// has arrived, a query scans every station, which gives the very same answer (the scan is the
// index's oracle in test/core) in about the time building the index would take.
import type * as KdTree from '../core/kdtree.js';
import { once } from '../core/once.js';
import { scan } from '../core/rank.js';
import type { RankSettings } from '../core/rule.js';
import type { LatLng, Station, Suggestion } from '../core/types.js';

export type StationIndex = KdTree.StationIndex;
/** Stands for an index while its code is on the way; `ids.length` is all rank.ts's cache reads. */
interface Pending {
  readonly stations: readonly Station[];
  readonly ids: { readonly length: number };
  built?: StationIndex;
}

let real: typeof KdTree | undefined;
const fetchTree = once(() => import('../core/kdtree.js'));

export function createStationIndex(stations: readonly Station[]): StationIndex {
  if (real) return real.createStationIndex(stations);
  fetchTree().then(
    (module) => void (real = module),
    () => {}, // refused or offline: keep scanning, and ask again for the next dataset
  );
  return { stations, ids: { length: stations.length } } as unknown as StationIndex;
}

export function searchIndex(index: StationIndex, seller: LatLng, buyer: LatLng | null, settings: RankSettings): Suggestion[] {
  if (index.coords) return real!.searchIndex(index, seller, buyer, settings);
  const pending = index as unknown as Pending;
  if (!real) return scan(pending.stations, seller, buyer, settings);
  pending.built ??= real.createStationIndex(pending.stations);
  return real.searchIndex(pending.built, seller, buyer, settings);
}
