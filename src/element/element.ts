import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { isLatLng } from '../core/geo.js';
import { rankStations, type HoursRankOptions } from '../core/rank.js';
import { yieldToMain } from '../core/slices.js';
import type { LatLng, Parties, RankOptions, Station, Suggestion } from '../core/types.js';
import { en, type Messages } from '../i18n/en.js';
import { browserLocale, loadMessages, resolveLocale } from '../i18n/locale.js';
import { VERSION } from '../version.js';
import { emit, type SafeTradeError, type SafeTradeEventDetail, type SafeTradeEventMap, type SafeTradeEventName } from './events.js';
import { chooseUnit, warmFormatsSoon } from './format.js';
import { numberConverter, resolveInputs } from './inputs.js';
import { checkDataset, configure, isAbortError, loadDataset, LoadError, type LoadedDataset } from './data/index.js';
import { renderErrors, renderStatus } from './render/alerts.js';
import { renderCompact } from './render/compact.js';
import type { Callbacks, RenderContext, View } from './render/context.js';
import { renderAttribution, renderSafety } from './render/footer.js';
import { renderLocate } from './render/locate.js';
import { shareText } from './render/share.js';
import { renderSuggestions } from './render/suggestions.js';
import { UiState } from './render/ui-state.js';
import { styles } from './styles.js';

/** The dataset shipped beside the script; bundlers and CDNs keep them side by side. */
const DEFAULT_STATIONS_URL = new URL('./stations.json', import.meta.url).href;

type DataState = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; dataset: LoadedDataset } | { status: 'error'; error: SafeTradeError };

type Queued = { [K in SafeTradeEventName]: [K, SafeTradeEventDetail<K>] }[SafeTradeEventName];

/** State that only changes what is shown, never what is suggested. */
const UI_ONLY = new Set<PropertyKey>(['_notice', '_manualShare', '_locating', '_geocoding', '_expanded', '_reported', '_messages']);
/** How often "open now" is re-checked while no meet-at is set. */
const CLOCK_TICK_MS = 60_000;

/**
 * Suggests the police safe-trade station that is best for both the seller and the buyer, as a
 * card people act on: where, why it is safe, how far for each, directions, and a way to propose it.
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

  static override properties = {
    sellerLat: { attribute: 'seller-lat', converter: numberConverter },
    sellerLng: { attribute: 'seller-lng', converter: numberConverter },
    buyerLat: { attribute: 'buyer-lat', converter: numberConverter },
    buyerLng: { attribute: 'buyer-lng', converter: numberConverter },
    viewer: {},
    stationsSrc: { attribute: 'stations-src' },
    mode: {},
    limit: { converter: numberConverter },
    maxDistanceKm: { attribute: 'max-distance-km', converter: numberConverter },
    units: {},
    locale: {},
    variant: {},
    theme: {},
    meetAt: { attribute: 'meet-at' },
    mapTiles: { attribute: 'map-tiles' },
    stations: { attribute: false },
    geocoder: { attribute: false },
    _data: { state: true },
    _located: { state: true },
    _locating: { state: true },
    _geocoding: { state: true },
    _geoError: { state: true },
    _notice: { state: true },
    _manualShare: { state: true },
    _expanded: { state: true },
    _reported: { state: true },
    _messages: { state: true },
    _now: { state: true },
    _tileAnswer: { state: true },
  };

  /** The listing's (approximate) latitude, WGS84 degrees. */
  declare sellerLat: number | undefined;
  /** The listing's (approximate) longitude. */
  declare sellerLng: number | undefined;
  /** The buyer's latitude, when the host knows it. */
  declare buyerLat: number | undefined;
  /** The buyer's longitude, when the host knows it. */
  declare buyerLng: number | undefined;
  /** Who is looking: "Use my location" fills this party; the other party's distance is shown only coarsely. */
  declare viewer: 'buyer' | 'seller';
  /** URL of a safetrade-stations dataset; default: the one shipped beside the script. */
  declare stationsSrc: string | undefined;
  /** Ranking rule: `fair` (nobody travels far), `total` (least travel together) or `buyer`. */
  declare mode: 'fair' | 'total' | 'buyer';
  /** How many suggestions, 1–20. */
  declare limit: number;
  /** Stations farther than this from any known party are never suggested. */
  declare maxDistanceKm: number;
  /** `auto`, `km` or `mi`. */
  declare units: 'auto' | 'km' | 'mi';
  /** BCP 47 language tag; default: the element's or document's `lang`, else the browser's. */
  declare locale: string | undefined;
  /** `card`, or `compact` for chat threads. */
  declare variant: 'card' | 'compact';
  /** `auto` follows prefers-color-scheme; `light` or `dark` force one. */
  declare theme: 'auto' | 'light' | 'dark';
  /** Planned meeting time (ISO 8601). */
  declare meetAt: string | undefined;
  /** Raster tile URL template (`https://…/{z}/{x}/{y}.png`, the host's provider) for streets around the station; unset: a schematic map, no tile requests. */
  declare mapTiles: string | undefined;
  /** Stations (an array or a whole dataset) used instead of `stationsSrc`. */
  declare stations: unknown;
  /** Turns a typed postcode or address into a position; `null` = not found. */
  declare geocoder: ((query: string) => Promise<LatLng | null>) | undefined;

  declare private _data: DataState;
  declare private _located: LatLng | null;
  declare private _locating: boolean;
  declare private _geocoding: boolean;
  declare private _geoError: SafeTradeError | null;
  declare private _notice: string;
  declare private _manualShare: { id: string; text: string } | null;
  declare private _expanded: string | null;
  declare private _reported: string | null;
  declare private _messages: Messages;
  /** The clock the open-now checks use; ticks once a minute while connected. */
  declare private _now: Date;
  /**
   * The last finished tile query (tiled datasets only) and the one running; `at` is the query's
   * preferOpenAt, `tick` marks an answer to a minute tick (same inputs as the answer before).
   */
  declare private _tileAnswer: { key: string; at: number | null; tick: boolean; suggestions?: Suggestion[]; error?: SafeTradeError } | null;
  private _tileQuery: { key: string; at: number | null; controller: AbortController } | null = null;

  private _view: View | null = null;
  private readonly _ui = new UiState(this);
  private _loadToken = 0;
  private _lookupToken = 0;
  private _loadAbort: AbortController | null = null;
  private _queue: Queued[] = [];
  private _focusCard = false;
  private _tickOnly = false;
  /** The catalogue language asked for last, and the token that makes older loads irrelevant. */
  private _language = 'en';
  private _messagesToken = 0;
  private _clock: ReturnType<typeof setInterval> | undefined;

  constructor() {
    super();
    this.viewer = 'buyer';
    this.mode = 'fair';
    this.limit = 3;
    this.maxDistanceKm = 40;
    this.units = 'auto';
    this.variant = 'card';
    this.theme = 'auto';
    this._data = { status: 'idle' };
    this._located = null;
    this._locating = false;
    this._geocoding = false;
    this._geoError = null;
    this._notice = '';
    this._manualShare = null;
    this._expanded = null;
    this._reported = null;
    this._messages = en;
    this._now = new Date();
    this._tileAnswer = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._clock = setInterval(() => {
      if (!this.meetAt) this._now = new Date();
    }, CLOCK_TICK_MS);
    // Back on the page after a removal aborted its fetch: fetch again.
    if (this._loadAbort?.signal.aborted) this._load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this._clock);
    // Off the page, its fetch is no longer wanted; a move (removed and re-added at once) keeps it.
    queueMicrotask(() => {
      if (!this.isConnected) this._loadAbort?.abort();
    });
  }

  /**
   * The first render (and the dataset fetch it starts) runs in a task of its own: not inside the
   * evaluation of the script that defined the element, nor the parser's task that met the tag.
   */
  protected override async scheduleUpdate(): Promise<unknown> {
    if (!this.hasUpdated) await yieldToMain();
    return super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.hasUpdated || changed.has('stations') || changed.has('stationsSrc')) this._load();
    if (this._view && [...changed.keys()].every((k) => UI_ONLY.has(k))) return;
    this._tickOnly = [...changed.keys()].every((k) => k === '_now' || UI_ONLY.has(k) || (k === '_tileAnswer' && this._tileAnswer?.tick));
    this._view = this._compute(this._view);
    if (changed.has('_data') && this._data.status === 'ready') {
      const { stations, rejected, tiles } = this._data.dataset;
      this._queue.unshift(['safetrade-ready', { stations: tiles?.count ?? stations.length, rejected: rejected.length }]);
    }
  }

  protected override updated(): void {
    if (this._focusCard) {
      this._focusCard = false;
      this.renderRoot.querySelector<HTMLElement>('[part~="expanded"] h3')?.focus();
    }
    const queue = this._queue;
    this._queue = [];
    for (const [name, detail] of queue) emit(this, name, detail as never);
  }

  /** Re-validates inputs and re-ranks; queues the events the new state calls for. */
  private _compute(previous: View | null): View {
    const { inputs, errors } = resolveInputs(this, (name) => this.getAttribute(name));
    const locale = this._resolveLocale(errors);
    this._loadMessages(locale);
    if (inputs.viewer === 'buyer' && !inputs.buyer && this._located) inputs.buyer = this._located;
    if (inputs.viewer === 'seller' && !inputs.seller && this._located) inputs.seller = this._located;
    if (this._data.status === 'error') errors.push(this._data.error);
    if (this._geoError) errors.push(this._geoError);

    let suggestions: Suggestion[] | null = null;
    if (this._data.status === 'ready' && inputs.seller && !errors.some((e) => e.code === 'location-invalid')) {
      // With a meeting time, stations closed then are left out; without one, a station closed
      // now is still shown but never first while an open one is eligible.
      const hours = inputs.meetAt ? { openAt: inputs.meetAt } : { preferOpenAt: this._now };
      const ranked = this._rank(
        this._data.dataset,
        { seller: inputs.seller, buyer: inputs.buyer },
        { mode: inputs.mode, limit: inputs.limit, maxDistanceKm: inputs.maxDistanceKm, ...hours },
      );
      if (ranked && !Array.isArray(ranked)) errors.push(ranked);
      else suggestions = ranked;
    }
    if (suggestions) {
      const clockOnly = previous?.suggestions && sameStations(previous.suggestions, suggestions) && previous.inputs.mode === inputs.mode;
      // A clock tick that changes nothing is not news for the host.
      if (!(clockOnly && this._tickOnly)) this._queue.push(['safetrade-suggest', { mode: inputs.mode, suggestions }]);
      if (suggestions.length === 0) {
        const who = inputs.buyer ? 'both the seller and the buyer' : 'the seller';
        const when = inputs.meetAt ? ` and is open at ${inputs.meetAt.toISOString()}` : '';
        errors.push({ code: 'no-station', message: `no station in the dataset lies within ${inputs.maxDistanceKm} km of ${who}${when}` });
      }
      // Keep the card the viewer opened while it is still suggested; else show the best.
      if (!suggestions.some((s) => s.station.id === this._expanded)) this._expanded = suggestions[0]?.station.id ?? null;
    }
    const seen = new Set(previous?.errors.map((e) => e.code + e.message));
    for (const error of errors) {
      // An error still standing from the last computation was already announced.
      if (seen.has(error.code + error.message)) continue;
      if (error.code === 'option-invalid') console.warn(`<safetrade-meetup>: ${error.message}`);
      this._queue.push(['safetrade-error', error]);
    }
    // While the answer is on its way, the page is idle: build the formatters its card will use.
    if (!suggestions && inputs.seller) warmFormatsSoon(locale);
    const country = suggestions?.[0]?.station.country;
    return { inputs, errors, suggestions, locale, unit: chooseUnit(inputs.units, locale, country) };
  }

  /**
   * Suggestions for a dataset at once; for a tile manifest, the answer of the query for exactly
   * these inputs once it has arrived (null while it runs: a newer query aborts an older one, and
   * an older answer never shows). A minute tick (a new preferOpenAt) asks again, and the answer
   * for the same inputs a minute ago stays up meanwhile.
   */
  private _rank(dataset: LoadedDataset, parties: Parties, options: RankOptions & HoursRankOptions): Suggestion[] | SafeTradeError | null {
    if (!dataset.tiles) return rankStations(dataset.stations, parties, options);
    const key = JSON.stringify([parties, { ...options, preferOpenAt: undefined }]);
    const at = options.preferOpenAt?.getTime() ?? null;
    const shown = this._tileAnswer?.key === key ? this._tileAnswer : null;
    if (shown?.at !== at && !(this._tileQuery?.key === key && this._tileQuery.at === at)) {
      this._tileQuery?.controller.abort();
      const query = { key, at, controller: new AbortController() };
      this._tileQuery = query;
      const settle = (answer: { suggestions: Suggestion[] } | { error: SafeTradeError }) => {
        if (this._tileQuery !== query) return;
        this._tileQuery = null;
        this._tileAnswer = { key, at, tick: !!shown, ...answer };
      };
      dataset.tiles.rank(parties, options, query.controller.signal).then(
        (suggestions) => settle({ suggestions }),
        (error: unknown) => isAbortError(error) || settle({ error: toError(error) }),
      );
    }
    return shown ? (shown.suggestions ?? shown.error ?? null) : null;
  }

  private _resolveLocale(errors: SafeTradeError[]): string {
    const tag = this.locale || this.closest('[lang]')?.getAttribute('lang') || browserLocale() || 'en';
    try {
      return Intl.getCanonicalLocales(tag)[0] ?? 'en';
    } catch {
      errors.push({ code: 'option-invalid', message: `locale must be a BCP 47 language tag like "en-US" (got ${JSON.stringify(tag)}); using "en"` });
      return 'en';
    }
  }

  /** Switches the catalogue to the locale's language; English shows until it arrives. */
  private _loadMessages(locale: string): void {
    const language = resolveLocale([locale]);
    if (language === this._language) return;
    this._language = language;
    const token = ++this._messagesToken;
    loadMessages(language).then((messages) => {
      if (token === this._messagesToken) this._messages = messages;
    });
  }

  /** Starts loading the current dataset; a newer call makes any older result irrelevant. */
  private _load(): void {
    const token = ++this._loadToken;
    this._tileQuery?.controller.abort();
    this._tileQuery = null;
    this._tileAnswer = null;
    this._loadAbort?.abort(); // the previous fetch is no longer wanted by this widget
    this._loadAbort = null;
    if (this.stations != null) {
      try {
        this._data = { status: 'ready', dataset: checkDataset(this.stations, 'the stations property') };
      } catch (error) {
        this._data = { status: 'error', error: toError(error) };
      }
      return;
    }
    let url: string;
    try {
      const resolved = new URL(this.stationsSrc || DEFAULT_STATIONS_URL, document.baseURI);
      if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') throw new Error('not http(s)');
      url = resolved.href;
    } catch {
      this._data = {
        status: 'error',
        error: { code: 'dataset-fetch', message: `stations-src must be an http(s) URL (got ${JSON.stringify(this.stationsSrc)})` },
      };
      return;
    }
    this._data = { status: 'loading' };
    const controller = (this._loadAbort = new AbortController());
    loadDataset(url, controller.signal).then(
      (dataset) => {
        if (token !== this._loadToken) return;
        this._loadAbort = null;
        this._data = { status: 'ready', dataset };
      },
      (error: unknown) => {
        if (token !== this._loadToken || controller.signal.aborted) return;
        this._loadAbort = null;
        this._data = { status: 'error', error: toError(error) };
      },
    );
  }

  override render(): TemplateResult {
    const view = this._view!;
    const ctx = this._context(view);
    const m = ctx.messages;
    const compact = view.inputs.variant === 'compact';
    const suggestions = view.suggestions ?? [];
    // While the answer is on its way, nothing is drawn below the status line, so that the answer
    // grows the widget downwards without moving anything already on screen (no layout shift).
    const pending = this._pending(view);
    return html`
      <section
        part="base"
        class="base ${view.inputs.theme} variant-${view.inputs.variant}"
        aria-labelledby="heading"
        lang=${this._messages === en ? 'en' : this._language}
      >
        <header id="heading" class=${compact ? 'visually-hidden' : ''}>
          <slot name="heading"><h2 part="heading">${m.heading}</h2></slot>
        </header>
        ${renderErrors(ctx)} ${renderStatus(ctx, { locating: this._locating, geocoding: this._geocoding, notice: this._notice, pending })}
        ${suggestions.length ? (compact ? renderCompact(ctx, suggestions[0]!) : renderSuggestions(ctx, suggestions)) : nothing}
        ${
          compact || pending
            ? nothing
            : renderLocate(ctx, { located: !!this._located, locating: this._locating, geocoding: this._geocoding, geocoder: !!this.geocoder })
        }
        <div class="end">
          ${compact || pending || !view.inputs.seller ? nothing : renderSafety(m)}
          <footer part="footer" class=${compact ? 'visually-hidden' : ''}>
            <slot name="footer"></slot>${renderAttribution(m, this._data.status === 'ready' ? this._data.dataset.attribution : [])}
          </footer>
        </div>
      </section>
    `;
  }

  /** The one object the render parts read. */
  private _context(view: View): RenderContext {
    return {
      messages: this._messages,
      view,
      now: this._now,
      expanded: this._expanded,
      reported: this._reported,
      manualShare: this._manualShare,
      nativeShare: canNativeShare(),
      stations: this._data.status === 'ready' && !this._data.dataset.tiles ? this._data.dataset.stations : null,
      mapOpen: this._ui.mapOpen,
      failedTiles: this._ui.failedTiles,
      baseUrl: globalThis.document?.baseURI,
      on: this._callbacks,
    };
  }

  private readonly _callbacks: Callbacks = {
    expand: (id) => this._expand(id),
    select: (s) => this._select(s),
    share: (s) => void this._share(s),
    report: (station) => this._report(station),
    locate: () => this._locate(),
    geocode: (event) => void this._geocode(event),
    clearLocation: () => this._clearLocation(),
    retry: () => this._load(),
    toggleMap: () => this._ui.toggleMap(),
    tileError: (template) => this._ui.tileError(template),
  };

  /** Whether an answer is still on its way (a dataset or a tile query loading) with nothing wrong. */
  private _pending(view: View): boolean {
    return (this._data.status === 'loading' || (this._tileQuery !== null && this._tileAnswer?.key !== this._tileQuery.key)) && !view.errors.length;
  }

  private _expand(id: string): void {
    this._expanded = id;
    this._focusCard = true;
  }

  private _select(suggestion: Suggestion): void {
    this._notice = this._messages.selected(suggestion.station.name);
    emit(this, 'safetrade-select', { suggestion });
  }

  private _report(station: Station): void {
    this._reported = station.id;
    emit(this, 'safetrade-report', { station });
  }

  /** The message to send the other party: the station and how to get there, never anyone's location. */
  shareText(suggestion: Suggestion): string {
    return shareText(this._messages, this._view?.locale ?? 'en', suggestion);
  }

  private async _share(suggestion: Suggestion): Promise<void> {
    const text = this.shareText(suggestion);
    const nav = globalThis.navigator;
    if (canNativeShare()) {
      try {
        await nav.share({ text });
        emit(this, 'safetrade-share', { suggestion, text, method: 'share' });
        return;
      } catch (error) {
        if ((error as Error).name === 'AbortError') return; // the viewer closed the share sheet
      }
    }
    try {
      await nav.clipboard.writeText(text);
      this._manualShare = null;
      this._notice = this._messages.copied;
      emit(this, 'safetrade-share', { suggestion, text, method: 'clipboard' });
    } catch {
      // No clipboard (permissions, insecure context): show the text to copy by hand.
      this._manualShare = { id: suggestion.station.id, text };
      emit(this, 'safetrade-share', { suggestion, text, method: 'manual' });
    }
  }

  /** Asks for the viewer's position; only ever called from a click. */
  private _locate(): void {
    const geo = globalThis.navigator?.geolocation;
    this._notice = '';
    if (!geo) {
      this._geoError = { code: 'geolocation-unavailable', message: 'this browser has no geolocation' };
      return;
    }
    this._locating = true;
    this._geoError = null;
    const token = ++this._lookupToken;
    geo.getCurrentPosition(
      (position) => {
        if (token !== this._lookupToken) return;
        this._locating = false;
        this._located = { lat: position.coords.latitude, lng: position.coords.longitude };
      },
      (error) => {
        if (token !== this._lookupToken) return;
        this._locating = false;
        this._geoError =
          error.code === 1
            ? { code: 'geolocation-denied', message: `geolocation denied: ${error.message || 'permission denied'}` }
            : { code: 'geolocation-unavailable', message: `geolocation failed: ${error.code === 3 ? 'timed out' : error.message || 'position unavailable'}` };
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 },
    );
  }

  private _geocode = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('place') as HTMLInputElement;
    const query = input.value.trim();
    if (!query || !this.geocoder) return;
    const token = ++this._lookupToken;
    this._geocoding = true;
    this._geoError = null;
    this._notice = '';
    let error: SafeTradeError | null = null;
    let found: LatLng | null = null;
    try {
      const result = await this.geocoder(query);
      if (result === null) error = { code: 'geocoder-not-found', message: `the geocoder found nothing for ${JSON.stringify(query)}` };
      else if (!isLatLng(result))
        error = { code: 'geocoder-failed', message: `the geocoder returned ${JSON.stringify(result)} for ${JSON.stringify(query)}, not {lat, lng}` };
      else found = { lat: result.lat, lng: result.lng };
    } catch (e) {
      error = { code: 'geocoder-failed', message: `the geocoder failed for ${JSON.stringify(query)}: ${(e as Error)?.message ?? e}` };
    }
    if (token !== this._lookupToken) return;
    this._geocoding = false;
    if (found) this._located = found;
    else this._geoError = error;
  };

  private _clearLocation(): void {
    ++this._lookupToken;
    this._located = null;
    this._geoError = null;
  }
}

function sameStations(a: Suggestion[], b: Suggestion[]): boolean {
  return a.length === b.length && a.every((s, i) => s.station.id === b[i]!.station.id);
}

function canNativeShare(): boolean {
  const nav = globalThis.navigator;
  return typeof nav?.share === 'function' && typeof nav.canShare === 'function' && nav.canShare({ text: 'x' });
}

function toError(error: unknown): SafeTradeError {
  if (error instanceof LoadError) return { code: error.code, message: error.message };
  return { code: 'dataset-invalid', message: String((error as Error)?.message ?? error) };
}

declare global {
  interface HTMLElementTagNameMap {
    'safetrade-meetup': SafeTradeMeetupElement;
  }
  interface HTMLElementEventMap extends SafeTradeEventMap {}
}
