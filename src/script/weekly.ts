// dist/script's file with the code for weekly opening hours (core/weekly.ts, i18n/weekly.ts),
// fetched by lazy-weekly.ts the first time an answer needs it, and part of what
// SafeTradeMeetup.load() resolves to (script/core.ts), whose openingState must answer at once.
import * as core from '../core/weekly.js';
import * as words from '../i18n/weekly.js';
import { provideWeekly } from './lazy-weekly.js';

provideWeekly({ ...core, ...words });
// The page's first time-zone formatter pays the engine's one-time locale-data setup (~110 ms at 4×
// CPU): as this file runs, in a task of its own (loadWeekly waits a task before the answer again).
new Intl.DateTimeFormat('en-US', { timeZone: 'UTC' }).format(0);
