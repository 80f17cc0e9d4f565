// Whether the code that reads weekly opening hours is here. In this build it always is: the
// script tag's build (dist/script) swaps this file for src/script/lazy-weekly.ts, which fetches
// that code the first time an answer needs it.

/** Whether an answer computed since the last call read weekly hours without their code (and forgets it). */
export const weeklyMissed = (): boolean => false;

/** Settles once the weekly hours' code is here (rejects when it cannot come). */
export const loadWeekly = (): Promise<void> => Promise.resolve();
