// Bidi isolation of a dataset's text: an override such as U+202E in a station's name must not
// reorder the widget's words, the share message or the host's page around it.
import type { Steps } from '../../core/steps.js';
import type { ParsedDataset, Station } from '../../core/types.js';

// Explicit embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI).
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
const TEXT_FIELDS = ['name', 'address', 'locality', 'region', 'postcode', 'agency', 'spot', 'phone', 'notes', 'source'] as const;

/**
 * Makes each text that holds explicit bidi controls self-contained, in place: every embedding,
 * override or isolate it opens is closed at its end (or before a line break), a closer with
 * nothing to close is dropped (a stray PDI would end the wrapper early), and the whole is wrapped
 * in FSI…PDI. An override such as U+202E then cannot reorder the widget's words, the share
 * message or a host's page around the text; the text itself looks the same. Returns how many.
 * In steps (slices.ts), pausing every 256 stations.
 */
export function* isolateBidiSteps(parsed: ParsedDataset): Steps<number> {
  let count = 0;
  const isolate = (text: string) => {
    if (!BIDI_CONTROLS.test(text)) return text;
    count++;
    return `\u2068${balanceBidi(text)}\u2069`;
  };
  const stations = parsed.stations as Station[];
  for (let i = 0; i < stations.length; i++) {
    if (i > 0 && i % 256 === 0) yield;
    const station = stations[i]!;
    for (const field of TEXT_FIELDS) if (typeof station[field] === 'string') station[field] = isolate(station[field]!);
  }
  parsed.attribution = parsed.attribution.map(isolate);
  if (parsed.name !== undefined) parsed.name = isolate(parsed.name);
  return count;
}

function balanceBidi(text: string): string {
  let out = '';
  let open: ('embedding' | 'isolate')[] = [];
  const close = () =>
    open
      .reverse()
      .map((k) => (k === 'isolate' ? '\u2069' : '\u202c'))
      .join('');
  for (const c of text) {
    if (c >= '\u202a' && c <= '\u202e' && c !== '\u202c') open.push('embedding');
    else if (c >= '\u2066' && c <= '\u2068') open.push('isolate');
    else if (c === '\u202c') {
      if (open.at(-1) !== 'embedding') continue;
      open.pop();
    } else if (c === '\u2069') {
      const at = open.lastIndexOf('isolate');
      if (at === -1) continue;
      open = open.slice(0, at); // a PDI also ends the embeddings opened inside its isolate
      // eslint-disable-next-line no-control-regex -- the paragraph separators are what it looks for
    } else if (/[\n\r\u001c-\u001e\u0085\u2029]/.test(c)) {
      // A paragraph break ends everything anyway; closing first keeps the count honest.
      out += close();
      open = [];
    }
    out += c;
  }
  return out + close();
}
