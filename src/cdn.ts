// Entry of dist/safetrade-meetup.js, the script-tag bundle: defines the element and exposes the
// core as the global `SafeTradeMeetup`.
export * from './core/api.js';
export { define, TAG, VERSION } from './define.js';
export { hoursLine, loadMessages, MessagesLoadError, registerMessages, resolveLocale } from './i18n/index.js';
