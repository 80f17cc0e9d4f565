// The `stations` property's dataset, checked at once: the ESM build has the checker bundled. The
// script tag's files get src/script/given.ts here instead (scripts/pins.mjs), which fetches the
// checker (the core's parser, zod) the first time a page gives stations, and answers at once after.
import type { ParsedDataset } from '../../core/types.js';
import { checkDataset } from './check.js';

/** checkDataset's answer or error; a promise of it while the checker's code is on its way. */
export function checkGiven(input: unknown, where: string): ParsedDataset | Promise<ParsedDataset> {
  return checkDataset(input, where);
}
