import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isOpenAt } from '../core/hours.js';
import { rankStations } from '../core/rank.js';
import { yieldToMain } from '../core/slices.js';
import type { LatLng, Station, Suggestion } from '../core/types.js';
import { en } from '../i18n/en.js';
import { VERSION } from '../version.js';
import { ClockController } from './controllers/clock.js';
import { DatasetController, type DataState } from './controllers/dataset.js';
import { LocalizeController } from './controllers/localize.js';
import { LocationController, type Geocoder } from './controllers/location.js';
import type { TileQueryController } from './controllers/tile-query.js';
import { emit, type SafeTradeError, type SafeTradeEventDetail, type SafeTradeEventMap, type SafeTradeEventName } from './events.js';
import { chooseUnit } from './format.js';
import { numberConverter, resolveInputs, type RawInputs } from './inputs.js';
import { configure } from './data/index.js';
import { failed, later, loadLater } from './load-later.js';
import { renderErrors, renderStatus } from './render/alerts.js';
import { renderCompact } from './render/compact.js';
import type { Callbacks, RenderContext, View } from './render/context.js';
import { renderAttribution, renderSafety } from './render/footer.js';
import { renderLocate } from './render/locate.js';
import { shareText } from './render/share.js';
import { renderSuggestions } from './render/suggestions.js';
import { UiState } from './render/ui-state.js';
import { styles } from './styles.js';
import { warmFormatsSoon } from './warm.js';
import { loadWeekly, weeklyMissed } from './weekly-code.js';

type Queued = { [K in SafeTradeEventName]: [K, SafeTradeEventDetail<K>] }[SafeTradeEventName];

/**
 * Suggests the police safe-trade station that is best for both the seller and the buyer, as a
 * card people act on: where, why it is safe, how far for each, directions, and a way to propose it.
 *
 * @tag safetrade-meetup
 *
 * @fires safetrade-ready - a dataset was loaded and validated: `{ stations, rejected }`
 * @fires safetrade-suggest - suggestions were computed: `{ mode, suggestions }`
 * @fires safetrade-select - the viewer chose "Suggest this station": `{ suggestion }`
 * @fires safetrade-share - the viewer shared or copied the meeting message: `{ suggestion, text, method }`
 * @fires safetrade-report - the viewer reported a problem with a station: `{ station }`
 * @fires safetrade-error - something failed, and the widget shows it: `{ code, message }`
 *
 * @slot heading - replaces the default heading
 * @slot footer - extra content below the suggestions
 *
 * @csspart base - the widget's box
 * @csspart heading - the default heading
 * @csspart suggestions - the list of suggestions
 * @csspart suggestion - one suggestion (the first also has `best`; the one shown as a card has `expanded`)
 * @csspart card - the expanded suggestion's body
 * @csspart show - the button that opens an alternative as the card
 * @csspart badge - the "Best for both of you" badge
 * @csspart name - a station's name
 * @csspart agency - the agency that runs the station
 * @csspart address - a station's address
 * @csspart spot - where exactly to stand
 * @csspart hours - the opening-hours line
 * @csspart features - the list of safety features; each item is `feature`
 * @csspart distance - the distances line
 * @csspart why - the line that says why this station
 * @csspart map - the map (SVG): schematic, or streets around the station with `map-tiles`
 * @csspart map-toggle - "Map", which shows the map on narrow screens
 * @csspart actions - the row of actions
 * @csspart select - "Suggest this station"
 * @csspart share - "Copy message" / "Share"
 * @csspart directions-menu - "Directions", which opens the list of map apps
 * @csspart directions - a directions link
 * @csspart details - the station details disclosure
 * @csspart report - "Report a problem with this station"
 * @csspart locate - "Use my location"
 * @csspart geocoder - the "ZIP code or address" form
 * @csspart safety - the safety line
 * @csspart tips - the safety tips disclosure
 * @csspart alert - the error box
 * @csspart help - what to do when no station is near enough
 * @csspart nearest - the nearest station the dataset knows of, when none is near enough
 * @csspart nearest-distance - its distances
 * @csspart status - loading and other polite announcements
 * @csspart footer - the footer (slot `footer` and the data sources)
 * @csspart attribution - the data sources disclosure
 *
 * @cssprop --safetrade-accent - buttons, links and badges (#0b5cad; dark #6cb6ff)
 * @cssprop --safetrade-accent-text - text on accent buttons (#ffffff; dark #0d1117)
 * @cssprop --safetrade-surface - background (#ffffff; dark #161b22)
 * @cssprop --safetrade-text - text (#1b1f24; dark #e6edf3)
 * @cssprop --safetrade-muted - secondary text (#57606a; dark #9da7b3)
 * @cssprop --safetrade-border - borders (#d0d7de; dark #3d444d)
 * @cssprop --safetrade-danger - errors (#a40e26; dark #ff8182)
 * @cssprop --safetrade-radius - corner radius (12px)
 * @cssprop --safetrade-spacing - spacing unit (12px)
 * @cssprop --safetrade-font - font family (system-ui)
 */
export class SafeTradeMeetupElement extends LitElement {
  static override styles = styles;
  /** The package version, so that a second copy on the page can tell it apart. */
  static readonly version = VERSION;
  /** Page-wide dataset fetch limits: `configure({ timeoutMs, maxBytes, retryDelayMs })` (10 s, 20 MB, 1 s). */
  static configure = configure;

  /** The listing's (approximate) latitude, WGS84 degrees. */
  @property({ attribute: 'seller-lat', converter: numberConverter }) accessor sellerLat: number | undefined;
  /** The listing's (approximate) longitude. */
  @property({ attribute: 'seller-lng', converter: numberConverter }) accessor sellerLng: number | undefined;
  /** The buyer's latitude, when the host knows it. */
  @property({ attribute: 'buyer-lat', converter: numberConverter }) accessor buyerLat: number | undefined;
  /** The buyer's longitude, when the host knows it. */
  @property({ attribute: 'buyer-lng', converter: numberConverter }) accessor buyerLng: number | undefined;
  /** Who is looking: "Use my location" fills this party; the other party's distance is shown only coarsely. */
  @property() accessor viewer: 'buyer' | 'seller' = 'buyer';
  /** URL of a safetrade-stations dataset; default: the one shipped beside the script. */
  @property({ attribute: 'stations-src' }) accessor stationsSrc: string | undefined;
  /**
   * Subresource Integrity of `stations-src` (`sha384-…`, as `openssl dgst -sha384 -binary | base64`
   * prints it): a file that does not match is refused with `dataset-invalid`. For a tile
   * manifest it pins the manifest. The shipped dataset is pinned by the script tag's loader.
   */
  @property({ attribute: 'stations-integrity' }) accessor stationsIntegrity: string | undefined;
  /** Ranking rule: `fair` (nobody travels far), `total` (least travel together) or `buyer`. */
  @property() accessor mode: 'fair' | 'total' | 'buyer' = 'fair';
  /** How many suggestions, 1–20. */
  @property({ converter: numberConverter }) accessor limit = 3;
  /** Stations farther than this from any known party are never suggested. */
  @property({ attribute: 'max-distance-km', converter: numberConverter }) accessor maxDistanceKm = 40;
  /** `auto`, `km` or `mi`. */
  @property() accessor units: 'auto' | 'km' | 'mi' = 'auto';
  /** BCP 47 language tag; default: the element's or document's `lang`, else the browser's. */
  @property() accessor locale: string | undefined;
  /** `card`, or `compact` for chat threads; reflected, so a page can style `safetrade-meetup[variant=compact]`. */
  @property({ reflect: true }) accessor variant: 'card' | 'compact' = 'card';
  /** `auto` follows prefers-color-scheme; `light` or `dark` force one; reflected. */
  @property({ reflect: true }) accessor theme: 'auto' | 'light' | 'dark' = 'auto';
  /** Planned meeting time (ISO 8601). */
  @property({ attribute: 'meet-at' }) accessor meetAt: string | undefined;
  /** Raster tile URL template (`https://…/{z}/{x}/{y}.png`, the host's provider) for streets around the station; unset: a schematic map, no tile requests. */
  @property({ attribute: 'map-tiles' }) accessor mapTiles: string | undefined;
  /** Stations (an array or a whole dataset) used instead of `stationsSrc`. */
  @property({ attribute: false }) accessor stations: unknown;
  /** Turns a typed postcode or address into a position; `null` = not found. */
  @property({ attribute: false }) accessor geocoder: ((query: string) => Promise<LatLng | null>) | undefined;

  /** @internal A one-off announcement ("Copied", "You suggested …"). */
  @state() private accessor _notice = '';
  /** @internal The meeting message to copy by hand, when the clipboard refused it. */
  @state() private accessor _manualShare: { id: string; text: string } | null = null;
  /** @internal The station shown as the card. */
  @state() private accessor _expanded: string | null = null;
  /** @internal The station whose problem report was sent. */
  @state() private accessor _reported: string | null = null;
  /** @internal A click whose code could not load (widget-failed); the next click tries again. */
  @state() private accessor _failure: SafeTradeError | null = null;

  /** @internal */
  readonly #dataset = new DatasetController(this, () => ({ stations: this.stations, src: this.stationsSrc, integrity: this.stationsIntegrity }));
  /** @internal Made when a tile manifest first loads: its code came with the manifest's (tiles-source.ts). */
  #tiles: TileQueryController | undefined;
  // A planned meeting is a fixed time: no tick changes what is shown then.
  /** @internal */
  readonly #clock = new ClockController(this, () => !!this.meetAt);
  /** @internal */
  readonly #localize = new LocalizeController(this);
  /** @internal */
  readonly #location = new LocationController(this);
  /** @internal Whether the map is open on a narrow screen, and which street tiles failed. */
  readonly #ui = new UiState(this);

  /** @internal Everything render() shows, derived in willUpdate(). */
  #view!: View;
  /** @internal What the view was derived from; an update that changes none of it keeps the view. */
  #derivedFrom: unknown[] = [];
  /** @internal The dataset a safetrade-ready was fired for. */
  #announced: DataState | null = null;
  /** @internal The render failure already fired, so that one failing again at each update is fired once. */
  #renderFailure: string | null = null;
  /** @internal */
  #queue: Queued[] = [];
  /** @internal */
  #focusCard = false;

  /**
   * The first render (and the dataset fetch it starts) runs in a task of its own: not inside the
   * evaluation of the script that defined the element, nor the parser's task that met the tag.
   */
  protected override async scheduleUpdate(): Promise<unknown> {
    if (!this.hasUpdated) await yieldToMain();
    return super.scheduleUpdate();
  }

  /** Derives the view from the inputs and what the controllers hold; queues the events it calls for. Starts nothing. */
  protected override willUpdate(): void {
    try {
      this.#derive();
    } catch (error) {
      // Whatever threw (a host object that changed under the widget, a bug), the widget shows it
      // and derives again at the next update, so the next input can work.
      const failure = failed('computing the suggestions', error);
      const inputs = this.#view?.inputs ?? resolveInputs({} as RawInputs, () => null).inputs;
      this.#announce([failure], this.#view?.errors);
      this.#view = { inputs, errors: [failure], suggestions: null, locale: 'en', unit: 'km', pending: false };
      this.#derivedFrom = [];
    }
  }

  /** @internal */
  #derive(): void {
    const { inputs, errors } = resolveInputs(this, (name) => this.getAttribute(name));
    const { locale, error: localeError } = this.#localize.resolve();
    if (localeError) errors.push(localeError);
    const located = this.#location.located;
    if (inputs.viewer === 'buyer' && !inputs.buyer && located) inputs.buyer = located;
    if (inputs.viewer === 'seller' && !inputs.seller && located) inputs.seller = located;
    const data = this.#dataset.state;
    if (data.status === 'error') errors.push(data.error);
    if (this.#location.error) errors.push(this.#location.error);
    if (this._failure) errors.push(this._failure);
    if (data !== this.#announced && data.status === 'ready') {
      this.#announced = data;
      const { stations, rejected, tiles } = data.dataset;
      this.#queue.unshift(['safetrade-ready', { stations: tiles?.count ?? stations.length, rejected: rejected.length }]);
    }

    const rankable = data.status === 'ready' && inputs.seller && !errors.some((e) => e.code === 'location-invalid') ? data.dataset : null;
    const parties = { seller: inputs.seller!, buyer: inputs.buyer };
    // With a meeting time, stations closed then are left out; without one, a station closed
    // now is still shown but never first while an open one is eligible.
    const hours = inputs.meetAt ? { openAt: inputs.meetAt } : { preferOpenAt: this.#clock.now };
    const options = { mode: inputs.mode, limit: inputs.limit, maxDistanceKm: inputs.maxDistanceKm, ...hours };
    if (rankable?.tiles) this.#tiles ??= new rankable.tiles.Query(this);
    const tileAnswer = this.#tiles?.answer(rankable?.tiles, parties, options) ?? null;

    const inputsKey = JSON.stringify([inputs, errors, locale]);
    // map-tiles is checked by the map's code (later.ts), which draws the tiles: until it has come
    // no tile is drawn, and a bad template's error comes with it. Kept out of inputsKey, so the
    // check arriving is not a new answer (no second safetrade-suggest for the same stations).
    let tilesUnchecked = false;
    if (inputs.mapTiles) {
      const problem = later ? later.tileTemplateProblem(inputs.mapTiles, globalThis.document?.baseURI) : undefined;
      if (problem !== null) {
        inputs.mapTiles = null;
        tilesUnchecked = problem === undefined;
        if (problem) errors.push({ code: 'option-invalid', message: problem });
      }
    }
    const from = [inputsKey, data, inputs.meetAt ? null : this.#clock.now.getTime(), tileAnswer];
    if (!this.#again && from.every((v, i) => Object.is(v, this.#derivedFrom[i]))) return;
    this.#again = false;
    // Only the clock moved (or a tile query answered a minute tick): not news for the host unless the stations changed.
    const clockOnly = from[0] === this.#derivedFrom[0] && from[1] === this.#derivedFrom[1];
    this.#derivedFrom = from;
    const previous = this.#view as View | undefined;

    let suggestions: Suggestion[] | null = null;
    if (rankable && !rankable.tiles) suggestions = rankStations(rankable.stations, parties, options);
    else if (tileAnswer && 'error' in tileAnswer) errors.push(tileAnswer.error);
    else if (tileAnswer) suggestions = tileAnswer.suggestions;
    // The script tag fetches the code for weekly opening hours when an answer first needs it: to
    // rank (a closed station is left out or moved down) or to show a suggested station's hours.
    // Until it has come, nothing of that answer is shown or announced; then it is answered again.
    // Code that could not come is an error for these inputs; other inputs ask for it again.
    if (suggestions) for (const s of suggestions) isOpenAt(s.station, this.#clock.now);
    let waiting = false;
    if (weeklyMissed()) {
      suggestions = null;
      const failure = this.#codeFailure;
      if (failure?.inputsKey === inputsKey) errors.push(failure.error);
      else {
        waiting = true;
        loadWeekly().then(
          () => this.#deriveAgain(),
          (error: unknown) => {
            this.#codeFailure = { inputsKey, error: failed('loading the code that reads opening hours', error) };
            this.#deriveAgain();
          },
        );
      }
    }
    if (suggestions) {
      if (!(clockOnly && previous?.suggestions && sameStations(previous.suggestions, suggestions))) {
        this.#queue.push(['safetrade-suggest', { mode: inputs.mode, suggestions }]);
      }
      if (suggestions.length === 0) {
        const who = inputs.buyer ? 'both the seller and the buyer' : 'the seller';
        const when = inputs.meetAt ? ` and is open at ${inputs.meetAt.toISOString()}` : '';
        errors.push({ code: 'no-station', message: `no station in the dataset lies within ${inputs.maxDistanceKm} km of ${who}${when}` });
      }
      // Keep the card the viewer opened while it is still suggested; else show the best.
      if (!suggestions.some((s) => s.station.id === this._expanded)) this._expanded = suggestions[0]?.station.id ?? null;
    }
    this.#announce(errors, previous?.errors);
    // While the answer is on its way, the page is idle: build the formatters its card will use.
    if (!suggestions && inputs.seller) warmFormatsSoon(locale);
    const pending = !errors.length && (data.status === 'loading' || (!!rankable?.tiles && !tileAnswer) || waiting);
    const country = suggestions?.[0]?.station.country;
    this.#view = { inputs, errors, suggestions, locale, unit: chooseUnit(inputs.units, locale, country), pending, tilesUnchecked };
  }

  /** @internal Set by #deriveAgain: the next update derives even from the same inputs. */
  #again = false;
  /** @internal Code an answer waited for and could not get, and the inputs it was for. */
  #codeFailure: { inputsKey: string; error: SafeTradeError } | null = null;

  /** @internal Derives again at the next update, even from the same inputs: code they needed has come, or failed. */
  #deriveAgain(): void {
    // Not by forgetting what the view was derived from: the same stations from the same inputs are
    // then still not news for the host (no second safetrade-suggest).
    this.#again = true;
    this.requestUpdate();
  }

  /** @internal Queues a safetrade-error for each error not already standing (announced) before. */
  #announce(errors: SafeTradeError[], standing: SafeTradeError[] = []): void {
    const seen = new Set(standing.map((e) => e.code + e.message));
    for (const error of errors) {
      if (seen.has(error.code + error.message)) continue;
      if (error.code === 'option-invalid') console.warn(`<safetrade-meetup>: ${error.message}`);
      this.#queue.push(['safetrade-error', error]);
    }
  }

  protected override updated(): void {
    // The code the first suggestion does not need (later.ts: the map, the no-station help, what
    // the location lookups and sharing do) once suggestions, or none and the no-station alert,
    // are on screen: it draws what waits for it (the map's box, kept empty at its final size; the
    // help below its alert) and is there before the viewer clicks. After a failure, asked again
    // at the next update for another reason (never in a loop); a click that needs it asks too.
    if (!later && !this.#awaitingLater && (this.#view.suggestions || this.#view.tilesUnchecked)) {
      this.#awaitingLater = true;
      loadLater()
        .then(
          // Derived again, not only drawn: a map-tiles template is checked now.
          () => this.#deriveAgain(),
          () => {}, // the map's box stays empty and the help absent until the code comes with a later update
        )
        .finally(() => (this.#awaitingLater = false));
    }
    // The styles of what that code draws came with it: adopted once, in the update that first
    // draws with it, so nothing is painted unstyled.
    if (later && !this.#laterStyled) {
      this.#laterStyled = true;
      const root = this.renderRoot as ShadowRoot;
      const sheet = later.laterStyles.styleSheet;
      if (sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
    if (this.#focusCard) {
      this.#focusCard = false;
      this.renderRoot.querySelector<HTMLElement>('[part~="expanded"] h3')?.focus();
    }
    // Weekly hours read while rendering (the no-station help's nearest station): drawn again once their code has come.
    if (weeklyMissed())
      loadWeekly().then(
        () => this.requestUpdate(),
        () => {},
      );
    const queue = this.#queue;
    this.#queue = [];
    for (const [name, detail] of queue) emit(this, name, detail as never);
  }

  override render(): TemplateResult {
    try {
      const result = this.#render(this.#view);
      this.#renderFailure = null;
      return result;
    } catch (error) {
      // Never an exception out of render(): show the failure (in English: the catalogue may be
      // what failed) and render again at the next update.
      const failure = failed('showing the suggestions', error);
      if (this.#renderFailure !== failure.message) this.#queue.push(['safetrade-error', failure]);
      this.#renderFailure = failure.message;
      return html`<section part="base" class="base ${this.#view.inputs.theme}" lang="en">
        ${renderErrors({ ...this.#context(this.#view), messages: en, view: { ...this.#view, errors: [failure] } })}
      </section>`;
    }
  }

  /** @internal */
  #render(view: View): TemplateResult {
    const ctx = this.#context(view);
    const m = ctx.messages;
    const compact = view.inputs.variant === 'compact';
    const suggestions = view.suggestions ?? [];
    // While the answer is on its way, nothing is drawn below the status line, so that the answer
    // grows the widget downwards without moving anything already on screen (no layout shift).
    const { pending } = view;
    const { busy } = this.#location;
    const data = this.#dataset.state;
    return html`
      <section part="base" class="base ${view.inputs.theme} variant-${view.inputs.variant}" aria-labelledby="heading" lang=${this.#localize.language}>
        <header id="heading" class=${compact ? 'visually-hidden' : ''}>
          <slot name="heading"><h2 part="heading">${m.heading}</h2></slot>
        </header>
        ${renderErrors(ctx)} ${renderStatus(ctx, { locating: busy === 'locating', geocoding: busy === 'geocoding', notice: this._notice, pending })}
        ${suggestions.length ? (compact ? renderCompact(ctx, suggestions[0]!) : renderSuggestions(ctx, suggestions)) : nothing}
        ${
          compact || pending
            ? nothing
            : renderLocate(ctx, {
                located: !!this.#location.located,
                locating: busy === 'locating',
                geocoding: busy === 'geocoding',
                geocoder: !!this.geocoder,
              })
        }
        <div class="end">
          ${compact || pending || !view.inputs.seller ? nothing : renderSafety(m, later?.laterMessages(m).tipList)}
          <footer part="footer" class=${compact ? 'visually-hidden' : ''}>
            <slot name="footer"></slot>${renderAttribution(m, data.status === 'ready' ? data.dataset.attribution : [])}
          </footer>
        </div>
      </section>
    `;
  }

  /** @internal The one object the render parts read. */
  #context(view: View): RenderContext {
    const data = this.#dataset.state;
    return {
      messages: this.#localize.messages,
      view,
      now: this.#clock.now,
      expanded: this._expanded,
      reported: this._reported,
      manualShare: this._manualShare,
      nativeShare: canNativeShare(),
      stations: data.status === 'ready' && !data.dataset.tiles ? data.dataset.stations : null,
      mapOpen: this.#ui.mapOpen,
      failedTiles: this.#ui.failedTiles,
      later,
      baseUrl: globalThis.document?.baseURI,
      on: this.#callbacks,
    };
  }

  /** @internal Whether this element waits for the later code (later.ts), to render again when it comes. */
  #awaitingLater = false;
  /** @internal Whether the later code's styles are in this element's shadow root. */
  #laterStyled = false;

  /** @internal */
  readonly #callbacks: Callbacks = {
    expand: (id) => {
      this._expanded = id;
      this.#focusCard = true;
    },
    select: (suggestion) => {
      this._notice = this.#localize.messages.selected(suggestion.station.name);
      emit(this, 'safetrade-select', { suggestion });
    },
    share: (suggestion) => void this.#share(suggestion),
    report: (station: Station) => {
      this._reported = station.id;
      emit(this, 'safetrade-report', { station });
    },
    // Geolocation is only ever asked for from this click.
    locate: () => {
      this._notice = '';
      this.#location.locate();
    },
    geocode: (event) => {
      event.preventDefault();
      const input = (event.currentTarget as HTMLFormElement).elements.namedItem('place') as HTMLInputElement;
      const query = input.value.trim();
      if (!query || !this.geocoder) return;
      this._notice = '';
      void this.#location.geocode(this.geocoder as Geocoder, query);
    },
    clearLocation: () => this.#location.clear(),
    retry: () => this.#dataset.reload(),
    toggleMap: () => this.#ui.toggleMap(),
    tileError: (template) => this.#ui.tileError(template),
  };

  /** The message to send the other party: the station and how to get there, never anyone's location. */
  shareText(suggestion: Suggestion): string {
    return shareText(this.#localize.messages, this.#view?.locale ?? 'en', suggestion);
  }

  /**
   * @internal The share flow (share.ts) comes with the later code, normally there since the first
   * suggestion: then the share sheet or clipboard is asked in the click itself, as browsers want.
   */
  async #share(suggestion: Suggestion): Promise<void> {
    const text = this.shareText(suggestion);
    this._failure = null;
    let code = later;
    try {
      code ??= await loadLater();
    } catch (error) {
      this._failure = failed('loading the code for sharing', error);
      return;
    }
    await code.share(this, suggestion, text, canNativeShare(), this.#localize.messages, (notice, manual) => {
      this._manualShare = manual === null ? null : { id: suggestion.station.id, text };
      if (notice) this._notice = notice;
    });
  }
}

function sameStations(a: Suggestion[], b: Suggestion[]): boolean {
  return a.length === b.length && a.every((s, i) => s.station.id === b[i]!.station.id);
}

function canNativeShare(): boolean {
  const nav = globalThis.navigator;
  return typeof nav?.share === 'function' && typeof nav.canShare === 'function' && nav.canShare({ text: 'x' });
}

declare global {
  interface HTMLElementTagNameMap {
    'safetrade-meetup': SafeTradeMeetupElement;
  }
  interface HTMLElementEventMap extends SafeTradeEventMap {}
}
