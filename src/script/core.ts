// dist/script/core-*.js: what `await SafeTradeMeetup.load()` resolves to with the script tag: the
// contract's CoreApi, plus the languages API (registerMessages here reaches the element's
// catalogues: both share one copy of i18n/locale.ts) and the version.
// Weekly opening hours come with it: openingState and hoursLine must answer at once here.
import './weekly.js';

export * from '../core/core-api.js';
export { hoursLine, loadMessages, MessagesLoadError, registerMessages, resolveLocale } from '../i18n/index.js';
export { VERSION as version } from '../version.js';
