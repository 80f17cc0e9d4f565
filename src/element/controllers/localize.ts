// The widget's language: from its `locale` property, else the nearest `lang` (the element's own,
// an ancestor's across shadow roots, `<html lang>`), else the browser's. Watches `lang` with a
// MutationObserver (as Shoelace's LocalizeController does), so a page that switches language
// switches the widget at once, not at its next re-render.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en, type Messages } from '../../i18n/en.js';
import { browserLocale, loadMessages, resolveLocale } from '../../i18n/locale.js';
import type { SafeTradeError } from '../events.js';

export type LocalizeHost = ReactiveControllerHost & HTMLElement & { locale?: string | undefined };

export interface ResolvedLocale {
  /** Canonical BCP 47 tag for number and date formats. */
  locale: string;
  /** Set when the `locale` property or a `lang` attribute is not a language tag. */
  error: SafeTradeError | null;
}

/** Every connected controller; one observer for the whole document, as Shoelace does. */
const connected = new Set<LocalizeController>();
let observer: MutationObserver | undefined;
const OBSERVE: MutationObserverInit = { attributes: true, attributeFilter: ['lang'], subtree: true };

export class LocalizeController implements ReactiveController {
  /** The catalogue in use: English until the locale's language has arrived. */
  messages: Messages = en;
  /** The language of `messages` (for the widget's own `lang`). */
  language = 'en';
  /** The language asked for last: a slower, older catalogue load never replaces it. */
  #wanted = 'en';
  #tag: string | null = null;

  readonly #host: LocalizeHost;

  constructor(host: LocalizeHost) {
    (this.#host = host).addController(this);
  }

  hostConnected(): void {
    observer ??= new MutationObserver(() => connected.forEach((c) => c.#langChanged()));
    observer.observe(document.documentElement, OBSERVE);
    // A widget inside shadow roots inherits lang from their hosts: watch those trees too.
    for (let root = this.#host.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) observer.observe(root, OBSERVE);
    connected.add(this);
    this.#tag = this.#requestedTag();
  }

  hostDisconnected(): void {
    connected.delete(this);
  }

  /** The locale as of now; cheap, so the host calls it whenever it derives. */
  resolve(): ResolvedLocale {
    const tag = this.#requestedTag();
    if (tag) {
      try {
        return { locale: Intl.getCanonicalLocales(tag)[0] ?? 'en', error: null };
      } catch {
        return {
          locale: 'en',
          error: { code: 'option-invalid', message: `locale must be a BCP 47 language tag like "en-US" (got ${JSON.stringify(tag)}); using "en"` },
        };
      }
    }
    // The browser's language is not the host's to fix: an unusable one (WebKitGTK says "C") is English, silently.
    return { locale: browserLocale() ?? 'en', error: null };
  }

  /** Loads the locale's catalogue if it is not the one in use; English shows until it arrives. */
  hostUpdate(): void {
    const language = resolveLocale([this.resolve().locale]);
    if (language === this.#wanted) return;
    this.#wanted = language;
    void loadMessages(language).then((messages) => {
      if (language !== this.#wanted) return;
      this.messages = messages;
      this.language = messages === en ? 'en' : language;
      this.#host.requestUpdate();
    });
  }

  /** The tag the host or the page asks for, or null for "the browser's". */
  #requestedTag(): string | null {
    if (this.#host.locale) return this.#host.locale;
    for (let el: Element | null = this.#host; el;) {
      const lang = el.closest('[lang]');
      if (lang) return lang.getAttribute('lang') || null;
      const root = el.getRootNode();
      el = root instanceof ShadowRoot ? root.host : null;
    }
    return null;
  }

  #langChanged(): void {
    const tag = this.#requestedTag();
    if (tag === this.#tag) return;
    this.#tag = tag;
    this.#host.requestUpdate();
  }
}
