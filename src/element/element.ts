import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { rankStations } from '../core/rank.js';
import type { LatLng, ParsedDataset, Station, Suggestion } from '../core/types.js';
import { en, type Messages } from '../i18n/en.js';
import { emit, type SafeTradeError, type SafeTradeEventDetail, type SafeTradeEventMap, type SafeTradeEventName } from './events.js';
import { chooseUnit, formatCoarse, formatDistance, type Unit } from './format.js';
import { numberConverter, resolveInputs, type Inputs } from './inputs.js';
import { checkDataset, configure, loadDataset, LoadError } from './load.js';
import { styles } from './styles.js';
import { VERSION } from '../version.js';

/** The dataset shipped beside the script; bundlers and CDNs keep them side by side. */
const DEFAULT_STATIONS_URL = new URL('./stations.json', import.meta.url).href;

type DataState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; dataset: ParsedDataset }
  | { status: 'error'; error: SafeTradeError };

/** Everything render() shows, derived in willUpdate() from the inputs and the dataset. */
interface View {
  inputs: Inputs;
  errors: SafeTradeError[];
  suggestions: Suggestion[] | null;
  locale: string;
  unit: Unit;
}

type Queued = { [K in SafeTradeEventName]: [K, SafeTradeEventDetail<K>] }[SafeTradeEventName];

/**
 * Suggests the police safe-trade station that is best for both the seller and the buyer.
 *
 * @fires safetrade-ready - a dataset was loaded and validated: `{ stations, rejected }`
 * @fires safetrade-suggest - suggestions were computed: `{ mode, suggestions }`
 * @fires safetrade-select - the viewer chose "Suggest this station": `{ suggestion }`
 * @fires safetrade-share - the viewer copied or shared the meeting message: `{ suggestion, text, method }`
 * @fires safetrade-error - something failed, and the widget shows it: `{ code, message }`
 *
 * @slot heading - replaces the default heading
 * @slot footer - extra content below the suggestions
 *
 * @csspart base - the widget's box
 * @csspart heading - the default heading
 * @csspart suggestions - the list of suggestions
 * @csspart suggestion - one suggestion (the first also has `best`)
 * @csspart name - a station's name
 * @csspart address - a station's address
 * @csspart distance - the distances line
 * @csspart select - "Suggest this station"
 * @csspart share - "Copy message" / "Share"
 * @csspart directions - the directions link
 * @csspart locate - "Use my location"
 * @csspart alert - the error box
 * @csspart status - loading and other polite announcements
 * @csspart attribution - the data sources disclosure
 *
 * @cssprop --safetrade-accent - buttons, links and badges (#0b5cad; dark #6cb6ff)
 * @cssprop --safetrade-accent-text - text on accent buttons (#ffffff)
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
    variant: { reflect: true },
    theme: { reflect: true },
    meetAt: { attribute: 'meet-at' },
    stations: { attribute: false },
    geocoder: { attribute: false },
    _data: { state: true },
    _located: { state: true },
    _locating: { state: true },
    _geoError: { state: true },
    _notice: { state: true },
    _manualShare: { state: true },
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
  /** Stations (an array or a whole dataset) used instead of `stationsSrc`. */
  declare stations: unknown;
  /** Turns a typed postcode or address into a position; `null` = not found. */
  declare geocoder: ((query: string) => Promise<LatLng | null>) | undefined;

  declare private _data: DataState;
  declare private _located: LatLng | null;
  declare private _locating: boolean;
  declare private _geoError: SafeTradeError | null;
  declare private _notice: string;
  declare private _manualShare: { id: string; text: string } | null;

  private _view: View | null = null;
  private _loadToken = 0;
  private _loadAbort: AbortController | null = null;
  private _queue: Queued[] = [];
  private _messages: Messages = en;

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
    this._geoError = null;
    this._notice = '';
    this._manualShare = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page after a removal aborted its fetch: fetch again.
    if (this._loadAbort?.signal.aborted) this._load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Off the page, its fetch is no longer wanted; a move (removed and re-added at once) keeps it.
    queueMicrotask(() => {
      if (!this.isConnected) this._loadAbort?.abort();
    });
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.hasUpdated || changed.has('stations') || changed.has('stationsSrc')) this._load();
    const uiOnly = [...changed.keys()].every((k) => k === '_notice' || k === '_manualShare' || k === '_locating');
    if (this._view && uiOnly) return;
    this._view = this._compute(this._view);
    if (changed.has('_data') && this._data.status === 'ready') {
      const { stations, rejected } = this._data.dataset;
      this._queue.unshift(['safetrade-ready', { stations: stations.length, rejected: rejected.length }]);
    }
  }

  protected override updated(): void {
    const queue = this._queue;
    this._queue = [];
    for (const [name, detail] of queue) emit(this, name, detail as never);
  }

  /** Re-validates inputs and re-ranks; queues the events the new state calls for. */
  private _compute(previous: View | null): View {
    const { inputs, errors } = resolveInputs(this, (name) => this.getAttribute(name));
    const locale = this._resolveLocale(errors);
    if (this.viewer !== 'seller' && !inputs.buyer && this._located) inputs.buyer = this._located;
    if (this.viewer === 'seller' && !inputs.seller && this._located) inputs.seller = this._located;
    if (this._data.status === 'error') errors.push(this._data.error);
    if (this._geoError) errors.push(this._geoError);

    let suggestions: Suggestion[] | null = null;
    if (this._data.status === 'ready' && inputs.seller && !errors.some((e) => e.code === 'location-invalid')) {
      suggestions = rankStations(this._data.dataset.stations, { seller: inputs.seller, buyer: inputs.buyer }, inputs);
      this._queue.push(['safetrade-suggest', { mode: inputs.mode, suggestions }]);
      if (suggestions.length === 0) {
        const who = inputs.buyer ? 'both the seller and the buyer' : 'the seller';
        errors.push({ code: 'no-station', message: `no station in the dataset lies within ${inputs.maxDistanceKm} km of ${who}` });
      }
    }
    const seen = new Set(previous?.errors.map((e) => e.code + e.message));
    for (const error of errors) {
      // An error still standing from the last computation was already announced.
      if (seen.has(error.code + error.message)) continue;
      if (error.code === 'option-invalid') console.warn(`<safetrade-meetup>: ${error.message}`);
      this._queue.push(['safetrade-error', error]);
    }
    const country = suggestions?.[0]?.station.country;
    return { inputs, errors, suggestions, locale, unit: chooseUnit(inputs.units, locale, country) };
  }

  private _resolveLocale(errors: SafeTradeError[]): string {
    const tag = this.locale || this.closest('[lang]')?.getAttribute('lang') || globalThis.navigator?.language || 'en';
    try {
      return Intl.getCanonicalLocales(tag)[0] ?? 'en';
    } catch {
      errors.push({ code: 'option-invalid', message: `locale must be a BCP 47 language tag like "en-US" (got ${JSON.stringify(tag)}); using "en"` });
      return 'en';
    }
  }

  /** Starts loading the current dataset; a newer call makes any older result irrelevant. */
  private _load(): void {
    const token = ++this._loadToken;
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
      this._data = { status: 'error', error: { code: 'dataset-fetch', message: `stations-src must be an http(s) URL (got ${JSON.stringify(this.stationsSrc)})` } };
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
    const m = this._messages;
    return html`
      <section part="base" class=${view.inputs.variant} aria-labelledby="heading">
        <header id="heading"><slot name="heading"><h2 part="heading">${m.heading}</h2></slot></header>
        ${this._renderErrors(view)}
        <div part="status" role="status" aria-live="polite" class=${this._statusText(view) ? '' : 'visually-hidden'}>
          ${this._statusText(view)}
        </div>
        ${view.suggestions?.length ? this._renderSuggestions(view, view.suggestions) : nothing}
        ${this._renderLocate(view)}
        <footer part="footer"><slot name="footer"></slot>${this._renderAttribution()}</footer>
      </section>
    `;
  }

  private _statusText(view: View): string {
    const m = this._messages;
    if (this._locating) return m.locating;
    if (this._notice) return this._notice;
    if (this._data.status === 'loading' && !view.errors.length) return m.loading;
    if (!view.inputs.seller && !view.errors.some((e) => e.code === 'location-invalid')) return m.idle;
    return '';
  }

  private _renderErrors(view: View) {
    if (!view.errors.length) return nothing;
    const m = this._messages;
    return html`<div part="alert" role="alert">
      ${view.errors.map(
        (e) => html`<p data-code=${e.code}>${m.errors[e.code]}</p>
          <p class="detail">${e.message}</p>
          ${e.code === 'dataset-fetch' ? html`<button type="button" @click=${() => this._load()}>${m.retry}</button>` : nothing}`,
      )}
    </div>`;
  }

  private _renderSuggestions(view: View, suggestions: Suggestion[]) {
    const m = this._messages;
    return html`<ol part="suggestions" aria-label=${m.suggestions}>
      ${suggestions.map((s, i) => this._renderSuggestion(view, s, i === 0))}
    </ol>`;
  }

  private _renderSuggestion(view: View, s: Suggestion, best: boolean) {
    const m = this._messages;
    const { station } = s;
    const manual = this._manualShare?.id === station.id ? this._manualShare.text : null;
    return html`<li part=${best ? 'suggestion best' : 'suggestion'} data-station-id=${station.id}>
      ${best ? html`<span class="badge">${view.inputs.buyer ? m.best : m.bestSellerOnly}</span>` : nothing}
      <h3 part="name">${station.name}</h3>
      <p part="address">${addressLine(station)}</p>
      <p part="distance">${this._distanceText(view, s)}</p>
      <div class="actions">
        <button type="button" part="select" @click=${() => this._select(s)}>${m.select}</button>
        <button type="button" part="share" @click=${() => this._share(s)}>${m.share}</button>
        <a part="directions" href=${directionsUrl(station)} target="_blank" rel="noopener noreferrer" aria-label=${m.directionsTo(station.name)}
          >${m.directions}</a
        >
      </div>
      ${manual === null
        ? nothing
        : html`<label>${m.copyManually}<textarea readonly .value=${manual}></textarea></label>`}
    </li>`;
  }

  /** The viewer's distance precisely; the other party's only coarsely. */
  private _distanceText(view: View, s: Suggestion): string {
    const m = this._messages;
    const { unit, locale } = view;
    const parts: string[] = [];
    if (view.inputs.viewer === 'seller') {
      parts.push(m.fromYou(formatDistance(s.sellerKm, unit, locale)));
      if (s.buyerKm !== null) parts.push(m.forBuyer(formatCoarse(s.buyerKm, unit, locale)));
    } else if (s.buyerKm !== null) {
      parts.push(m.fromYou(formatDistance(s.buyerKm, unit, locale)));
      parts.push(m.forSeller(formatCoarse(s.sellerKm, unit, locale)));
    } else {
      parts.push(m.fromListing(formatCoarse(s.sellerKm, unit, locale)));
    }
    return parts.join(' · ');
  }

  private _renderLocate(view: View) {
    const party = view.inputs.viewer === 'seller' ? view.inputs.seller : view.inputs.buyer;
    if (party || !view.inputs.seller) return nothing;
    return html`<p>
      <button type="button" part="locate" ?disabled=${this._locating} @click=${() => this._locate()}>${this._messages.locate}</button>
    </p>`;
  }

  private _renderAttribution() {
    if (this._data.status !== 'ready' || !this._data.dataset.attribution.length) return nothing;
    return html`<details part="attribution">
      <summary>${this._messages.dataSources}</summary>
      <ul>
        ${this._data.dataset.attribution.map((a) => html`<li>${a}</li>`)}
      </ul>
    </details>`;
  }

  private _select(suggestion: Suggestion): void {
    emit(this, 'safetrade-select', { suggestion });
  }

  private async _share(suggestion: Suggestion): Promise<void> {
    const { station } = suggestion;
    const text = this._messages.shareText(station.name, addressLine(station), directionsUrl(station));
    const nav = globalThis.navigator;
    if (typeof nav?.share === 'function' && nav.canShare?.({ text })) {
      try {
        await nav.share({ text });
        emit(this, 'safetrade-share', { suggestion, text, method: 'share' });
        return;
      } catch (error) {
        if ((error as Error).name === 'AbortError') return;
      }
    }
    try {
      await nav.clipboard.writeText(text);
      this._notice = this._messages.copied;
      emit(this, 'safetrade-share', { suggestion, text, method: 'clipboard' });
    } catch {
      // No clipboard (permissions, insecure context): show the text to copy by hand.
      this._manualShare = { id: station.id, text };
      emit(this, 'safetrade-share', { suggestion, text, method: 'manual' });
    }
  }

  /** Asks for the viewer's position; only ever called from a click. */
  private _locate(): void {
    const geo = globalThis.navigator?.geolocation;
    if (!geo) {
      this._geoError = { code: 'geolocation-unavailable', message: 'this browser has no geolocation' };
      return;
    }
    this._locating = true;
    this._geoError = null;
    geo.getCurrentPosition(
      (position) => {
        this._locating = false;
        this._located = { lat: position.coords.latitude, lng: position.coords.longitude };
      },
      (error) => {
        this._locating = false;
        this._geoError =
          error.code === 1
            ? { code: 'geolocation-denied', message: `geolocation denied: ${error.message || 'permission denied'}` }
            : { code: 'geolocation-unavailable', message: `geolocation failed: ${error.code === 3 ? 'timed out' : error.message || 'position unavailable'}` };
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 300000 },
    );
  }
}

function toError(error: unknown): SafeTradeError {
  if (error instanceof LoadError) return { code: error.code, message: error.message };
  return { code: 'dataset-invalid', message: String((error as Error)?.message ?? error) };
}

function addressLine(station: Station): string {
  return [station.address, station.locality, [station.region, station.postcode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

/** Directions to the station only: never to or from either party. */
export function directionsUrl(station: Station): string {
  return `https://www.google.com/maps/dir/?api=1&destination=${station.lat},${station.lng}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'safetrade-meetup': SafeTradeMeetupElement;
  }
  interface HTMLElementEventMap extends SafeTradeEventMap {}
}
