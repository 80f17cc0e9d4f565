// What every render part reads: one typed object, built by the element once per render, so that
// each part is a pure function of it (no `this`, no element state read behind its back).
import type { Station, Suggestion } from '../../core/types.js';
import type { Messages } from '../../i18n/en.js';
import type { SafeTradeError } from '../events.js';
import type { Unit } from '../format.js';
import type { Inputs } from '../inputs.js';
import type * as Later from '../later.js';

/** Everything the suggestions show, derived by the element from its inputs and the dataset. */
export interface View {
  inputs: Inputs;
  errors: SafeTradeError[];
  suggestions: Suggestion[] | null;
  locale: string;
  unit: Unit;
  /** An answer (dataset or tile query) is on its way, with nothing wrong so far. */
  pending: boolean;
  /** A `map-tiles` template waits for the map's code to be checked (no tile is drawn until then). */
  tilesUnchecked?: boolean;
}

/** What the viewer's clicks ask the element to do. */
export interface Callbacks {
  expand(id: string): void;
  select(suggestion: Suggestion): void;
  share(suggestion: Suggestion): void;
  report(station: Station): void;
  locate(): void;
  geocode(event: SubmitEvent): void;
  clearLocation(): void;
  retry(): void;
  /** The "Map" disclosure on narrow screens. */
  toggleMap(): void;
  /** A street tile failed: draw the schematic for this template from now on. */
  tileError(template: string): void;
}

export interface RenderContext {
  /** The catalogue in use (English until the locale's arrives). */
  messages: Messages;
  view: View;
  /** The clock the open-now lines use. */
  now: Date;
  /** The station shown as the card; the others are rows. */
  expanded: string | null;
  /** The station whose problem report was sent. */
  reported: string | null;
  /** The meeting message to copy by hand, when the clipboard refused it. */
  manualShare: { id: string; text: string } | null;
  /** Whether the browser offers a native share sheet ("Share" instead of "Copy message"). */
  nativeShare: boolean;
  /** The whole dataset when it is loaded at once (not tiled): what "the nearest station" is looked up in. */
  stations: readonly Station[] | null;
  /** Whether the viewer opened the map on a narrow screen (it is always shown on wider ones). */
  mapOpen: boolean;
  /** The map-tiles template whose tiles failed to load, if any: the schematic stands in for it. */
  failedTiles: string | null;
  /**
   * The code loaded after the first suggestion (later.ts: the map's drawing, the no-station help)
   * once it has arrived, else null: the card then keeps the map's box empty, at its final size,
   * and the no-station alert stands without its help.
   */
  later: typeof Later | null;
  /** The page's URL, which relative map-tiles templates resolve against. */
  baseUrl: string | undefined;
  on: Callbacks;
}
