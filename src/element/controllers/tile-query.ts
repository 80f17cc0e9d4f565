// The ranking of a tiled dataset, which fetches the tiles it needs: a Task per query.
import type { HoursRankOptions } from '../../core/rank.js';
import type { Parties, RankOptions, Suggestion } from '../../core/types.js';
import type { SafeTradeError } from '../events.js';
import type { TiledStations } from '../data/index.js';
import { toError } from './dataset.js';
import { loadWeekly } from '../weekly-code.js';
import { Task, type TaskHost } from './task.js';

type Options = RankOptions & HoursRankOptions;
/** The tiles, the inputs as a key without the time, and the time (preferOpenAt, ms) apart. */
type Query = [tiles: TiledStations, parties: Parties, options: Options, key: string, atMs: number | null];

export type TileAnswer = { suggestions: Suggestion[] } | { error: SafeTradeError };

export class TileQueryController {
  #query: Query | undefined;
  readonly #task: Task<Query, Suggestion[]>;
  #answer: { from: unknown; answer: TileAnswer } | null = null;

  constructor(host: TaskHost) {
    this.#task = new Task(host, {
      args: () => this.#query,
      // Tiled datasets are large and often carry weekly hours: their code is here before ranking.
      task: async ([tiles, parties, options], signal) => {
        await loadWeekly();
        return tiles.rank(parties, options, signal);
      },
      argsEqual: (a, b) => a[0] === b[0] && a[3] === b[3] && a[4] === b[4],
    });
  }

  /**
   * Asks for the suggestions for these inputs (the query runs in the next hostUpdate; none when
   * `tiles` is undefined). Returns the answer once it has arrived, or null while it runs. A minute
   * tick (a new preferOpenAt) asks again, and the answer for the same inputs a minute ago stays
   * up meanwhile; an answer for other inputs never shows.
   */
  answer(tiles: TiledStations | undefined, parties: Parties, options: Options): TileAnswer | null {
    this.#query = tiles
      ? [tiles, parties, options, JSON.stringify([parties, { ...options, preferOpenAt: undefined }]), options.preferOpenAt?.getTime() ?? null]
      : undefined;
    const settled = this.#task.settledArgs;
    if (!this.#query || !settled || settled[0] !== tiles || settled[3] !== this.#query[3]) return null;
    const { value, error } = this.#task;
    const from = value ?? error;
    // One answer object per settled run, so that a host can tell a new answer by identity.
    if (this.#answer?.from !== from) this.#answer = { from, answer: value ? { suggestions: value } : { error: toError(error) } };
    return this.#answer!.answer;
  }

  /** Forgets what was asked: nothing to run (a query in flight is aborted at the next update). */
  clear(): void {
    this.#query = undefined;
  }
}
