// The module scripts/pins.mjs generates for the loader from the built files.
declare module 'safetrade:pins' {
  /** Each file the loader may fetch, by path relative to dist/: its integrity and, for code, its static imports. */
  export const FILES: Record<string, readonly [integrity: string, imports?: readonly string[]]>;
  /** dist/script/element-*.js, which defines <safetrade-meetup>. */
  export const ELEMENT: string;
  /** dist/script/core-*.js, what SafeTradeMeetup.load() resolves to. */
  export const CORE: string;
  /** URLs the widget computes for a shipped catalogue (locales/es.js) → its pinned copy. */
  export const ALIASES: Record<string, string>;
}
