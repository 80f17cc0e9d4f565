import { SafeTradeMeetupElement } from './element.js';
import { VERSION } from '../version.js';

export const TAG = 'safetrade-meetup';
export { VERSION };

/**
 * Defines <safetrade-meetup> once. A second copy of the script (or the script next to the ESM
 * build) is not an error: the first definition stays, and a different version warns once.
 */
export function define(): void {
  const registry = globalThis.customElements;
  if (!registry) return; // Node or a worker: nothing to define.
  const existing = registry.get(TAG) as (CustomElementConstructor & { version?: string }) | undefined;
  if (!existing) registry.define(TAG, SafeTradeMeetupElement);
  else if (existing.version !== VERSION) {
    console.warn(`<${TAG}>: version ${VERSION} was loaded after ${existing.version ?? 'another definition'}; keeping the first one`);
  }
}
