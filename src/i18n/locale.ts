// Which catalogue to use, and getting it: `en` is bundled; the others are small ES modules
// beside the script (dist/locales/<language>.js) fetched with import() the first time they are
// needed, or handed over by the host with registerMessages() (register.ts). No DOM: works in workers too.
import { en, type Messages } from './en.js';

/** The catalogue every other one falls back to, key by key. */
export const DEFAULT_LOCALE = 'en';

/**
 * Catalogues shipped beside the script. Each URL is a literal `new URL('./…', import.meta.url)`
 * so that bundlers (Vite, webpack 5, Parcel) copy the file, and it is computed once at load time
 * because the script-tag bundle can only find its own URL while it first runs.
 */
const SHIPPED: Record<string, string> = {
  es: new URL('./locales/es.js', import.meta.url).href,
  fr: new URL('./locales/fr.js', import.meta.url).href,
};

const registered = new Map<string, Messages>([[DEFAULT_LOCALE, en]]);
const loading = new Map<string, Promise<Messages>>();

/** Why a catalogue could not be loaded; `loadMessages` reports it and falls back to English. */
export class MessagesLoadError extends Error {
  constructor(
    readonly locale: string,
    readonly url: string,
    override readonly cause: unknown,
  ) {
    super(`messages for "${locale}" could not be loaded from ${url} (${cause instanceof Error ? cause.message : String(cause)}); using "${DEFAULT_LOCALE}"`);
    this.name = 'MessagesLoadError';
  }
}

/** Every locale with a catalogue: bundled, shipped beside the script, or registered by the host. */
export function availableLocales(): string[] {
  return [...new Set([...registered.keys(), ...Object.keys(SHIPPED)])].sort();
}

/**
 * Keeps `messages` (completed from English) as the catalogue for `tag`, a canonical tag. Checking
 * what a host gives is registerMessages' (register.ts), which the element does not need.
 */
export function setMessages(tag: string, messages: Partial<Messages>): void {
  registered.set(tag, complete(messages));
  loading.delete(tag);
}

/**
 * The best available catalogue for the requested tags, in order of preference: each tag is tried
 * as is and then with subtags dropped from the end (`fr-Latn-CA` → `fr-Latn` → `fr`), so `es-MX`
 * finds `es`; invalid or empty tags are skipped; with no match, `en`.
 */
export function resolveLocale(requested: readonly (string | null | undefined)[]): string {
  const available = new Set(availableLocales().map((l) => l.toLowerCase()));
  const byLower = new Map(availableLocales().map((l) => [l.toLowerCase(), l]));
  for (const tag of requested) {
    const canon = typeof tag === 'string' ? canonical(tag) : null;
    if (canon === null) continue;
    // Unicode extensions (-u-hc-h12 and the like) say nothing about the language.
    const subtags = canon.replace(/-[a-wyz0-9](?:-[a-z0-9]{2,8})+$/i, '').split('-');
    for (let n = subtags.length; n > 0; n--) {
      const candidate = subtags.slice(0, n).join('-').toLowerCase();
      if (available.has(candidate)) return byLower.get(candidate)!;
    }
  }
  return DEFAULT_LOCALE;
}

/**
 * The browser's language as a canonical BCP 47 tag (`navigator.language`, or the first valid tag
 * of a list the caller passes), or undefined. Browsers can report what is not a tag: WebKitGTK
 * says "C" when the system locale is LANG=C.UTF-8, common in containers. That is not the page's
 * mistake, so it is skipped without an error (the caller falls back to English); only a bad
 * `locale` or `lang` set by the host is reported.
 */
export function browserLocale(reported: readonly (string | null | undefined)[] = browserLanguages()): string | undefined {
  for (const tag of reported) {
    const canon = typeof tag === 'string' ? canonical(tag) : null;
    if (canon) return canon;
  }
  return undefined;
}

function browserLanguages(): (string | undefined)[] {
  return [(globalThis as { navigator?: { language?: string } }).navigator?.language];
}

export interface LoadOptions {
  /** Called when a catalogue could not be loaded (English is used instead); default console.warn. */
  onError?: (error: MessagesLoadError) => void;
  /** Where a shipped language's module lives; default beside the script (`./locales/<lang>.js`). */
  url?: (language: string) => string;
}

/**
 * The catalogue for a requested tag (resolved as by `resolveLocale`). Registered catalogues come
 * at once; shipped ones are imported once and cached. Never rejects: when the import fails (network,
 * HTTP error, not a catalogue), it reports a MessagesLoadError and resolves to English; a later
 * call tries again.
 */
export function loadMessages(locale: string, options: LoadOptions = {}): Promise<Messages> {
  const resolved = resolveLocale([locale]);
  const ready = registered.get(resolved);
  if (ready) return Promise.resolve(ready);
  const cached = loading.get(resolved);
  if (cached) return cached;
  const url = options.url ? options.url(resolved) : SHIPPED[resolved]!;
  const promise = import(/* webpackIgnore: true */ /* @vite-ignore */ url)
    .then((module: { default?: unknown }) => {
      const messages = module.default;
      if (typeof messages !== 'object' || messages === null || typeof (messages as Messages).heading !== 'string') {
        throw new TypeError('the module has no catalogue as its default export');
      }
      const full = complete(messages as Partial<Messages>);
      registered.set(resolved, full);
      return full;
    })
    .catch((cause: unknown) => {
      loading.delete(resolved);
      const error = new MessagesLoadError(resolved, url, cause);
      (options.onError ?? ((e) => console.warn(e.message)))(error);
      return en;
    });
  loading.set(resolved, promise);
  return promise;
}

/** A catalogue with English for any key it lacks (an older catalogue beside a newer script). */
function complete(messages: Partial<Messages>): Messages {
  return { ...en, ...messages, errors: { ...en.errors, ...messages.errors } };
}

export function canonical(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}
