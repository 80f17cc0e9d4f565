// src/element/data/given.ts as dist/script has it: the checker arrives on first use.
import type * as Check from '../element/data/check.js';
import type { ParsedDataset } from '../core/types.js';

let check: typeof Check | undefined;

export function checkGiven(input: unknown, where: string): ParsedDataset | Promise<ParsedDataset> {
  if (check) return check.checkDataset(input, where);
  return import('../element/data/check.js').then((module) => (check = module).checkDataset(input, where));
}
