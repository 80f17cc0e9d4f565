// Everything the element (and a host) needs for languages and the hours line.
export { en, type Messages } from './en.js';
export { availableLocales, DEFAULT_LOCALE, loadMessages, MessagesLoadError, resolveLocale, type LoadOptions } from './locale.js';
export { registerMessages } from './register.js';
export { plural, type PluralForms } from './plural.js';
export { describeOpeningState, formatTime, formatWeekday, formatWeekTime, formatWeeklyHours, hoursLine } from './hours.js';
