// Checking a dataset the way the widget takes it: the core's parser, then "nothing usable is an
// error", bidi isolation, and one console line about what was dropped. At once for a dataset
// given in memory, in slices for a fetched one.
import { DatasetError, parseDatasetSteps } from '../../core/dataset.js';
import { runInSlices, runNow, type Steps } from '../../core/steps.js';
import type { DatasetIssue, ParsedDataset } from '../../core/types.js';
import { printable, redactCredentials } from '../printable.js';
import { isolateBidiSteps } from './bidi.js';
import { LoadError } from './errors.js';

/** Validates a dataset given in memory: not a dataset, or no usable station, is an error. */
export function checkDataset(input: unknown, where: string): ParsedDataset {
  return runNow(checkDatasetSteps(input, where));
}

/** checkDataset for a fetched dataset: the same result or error, in slices that leave the main thread free between them. */
export function checkDatasetInSlices(input: unknown, where: string, signal?: AbortSignal): Promise<ParsedDataset> {
  return runInSlices(checkDatasetSteps(input, where), signal);
}

function* checkDatasetSteps(input: unknown, where: string): Steps<ParsedDataset> {
  let parsed: ParsedDataset;
  try {
    parsed = yield* parseDatasetSteps(Array.isArray(input) ? { format: 'safetrade-stations', version: 1, stations: input } : input);
  } catch (error) {
    if (error instanceof DatasetError) throw new LoadError('dataset-invalid', `${where} is not a safetrade-stations dataset: ${printable(error.message)}`);
    throw error;
  }
  if (parsed.stations.length === 0) {
    const first = parsed.rejected[0];
    throw new LoadError(
      'dataset-invalid',
      `${where} has no usable station` + (first ? ` (${parsed.rejected.length} rejected; first at index ${first.index}: ${printable(first.reason)})` : ''),
    );
  }
  const isolated = yield* isolateBidiSteps(parsed);
  warnIfPartial(parsed, where, isolated);
  return parsed;
}

/** One console.warn per dataset that had stations rejected or fields dropped, naming the first few. */
function warnIfPartial(parsed: ParsedDataset, where: string, isolated: number): void {
  const { stations, rejected, warnings } = parsed;
  if (!rejected.length && !warnings.length && !isolated) return;
  const list = (issues: DatasetIssue[]) =>
    issues
      .slice(0, 3)
      .map((i) => `#${i.index}${i.id ? ` ${JSON.stringify(i.id)}` : ''} ${printable(i.reason)}`)
      .join('; ') + (issues.length > 3 ? `; and ${issues.length - 3} more` : '');
  const parts = [`using ${stations.length} station${stations.length === 1 ? '' : 's'}`];
  if (rejected.length) parts.push(`rejected ${rejected.length} (${list(rejected)})`);
  if (warnings.length) parts.push(`dropped ${warnings.length} bad optional field${warnings.length === 1 ? '' : 's'} (${list(warnings)})`);
  if (isolated) parts.push(`isolated bidirectional-override characters in ${isolated} text field${isolated === 1 ? '' : 's'}`);
  console.warn(redactCredentials(`<safetrade-meetup>: ${where}: ${parts.join('; ')}`));
}
