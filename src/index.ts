/**
 * safetrade-meetup: the <safetrade-meetup> element (defined on import, guarded) and the core.
 * Lit stays external so that a host's bundler shares one copy.
 */
export * from './core/index.js';
export { SafeTradeMeetupElement } from './element/element.js';
export { directionsUrl } from './element/links.js';
export type { ErrorCode, SafeTradeError, SafeTradeEventMap } from './element/events.js';
export { define, TAG, VERSION } from './define.js';
export { hoursLine, loadMessages, MessagesLoadError, registerMessages, resolveLocale } from './i18n/index.js';
