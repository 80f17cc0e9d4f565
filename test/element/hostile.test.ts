// A dataset written by an attacker, in front of a buyer: nothing runs, every link stays http(s),
// the card keeps to a 320 px phone column, and the text is shown as the characters it is.
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { CANARY, HOSTILE_AT, hostile, PAYLOADS } from '../fixtures/hostile.js';
import { FakeNetwork, json } from './fake-network.js';
import { cleanup, mount, settled, shadow, suggestionIds, type Mounted } from './helpers.js';

const attrs = { 'seller-lat': String(HOSTILE_AT.lat), 'seller-lng': String(HOSTILE_AT.lng), limit: '20', locale: 'en-US' };
const canary = () => (window as unknown as Record<string, unknown>)[CANARY];
// Elements no payload may create, whatever the widget's own template grows into.
const FOREIGN = new Set([
  'SCRIPT',
  'IMG',
  'SVG',
  'IFRAME',
  'FRAME',
  'OBJECT',
  'EMBED',
  'STYLE',
  'LINK',
  'META',
  'BASE',
  'FORM',
  'INPUT',
  'VIDEO',
  'AUDIO',
  'SOURCE',
  'MATH',
  'TEMPLATE',
  'B',
  'I',
]);
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;
/** Text holding bidi controls is balanced and isolated by the loader (invisible controls only); other text is untouched. */
const shown = (s: string) => s.replace(BIDI, '');
const all = (el: Element) => [...shadow(el).querySelectorAll('*')];
/** The hostile dataset with every string made harmless: same fields, same shape. */
const honestTwin = JSON.parse(JSON.stringify(hostile), (key, value) =>
  typeof value === 'string' && !['id', 'country', 'hours', 'timezone', 'format', 'url'].includes(key) && !/^\d/.test(key) ? `Honest ${key || 'text'}` : value,
);
honestTwin.attribution = ['Honest source'];
honestTwin.stations.forEach((s: { url: string; features: string[] }) => Object.assign(s, { url: 'https://example.org/station', features: ['video', 'lit'] }));

/** Shows a station's full card: on a card-per-suggestion layout it already is; in a list of rows, its "show" button opens it. */
const openCard = (m: Mounted, id: string) => card(m, id);
async function card(m: Mounted, id: string): Promise<Element> {
  const row = shadow(m.el).querySelector(`[data-station-id="${id}"]`)!;
  const show = row.querySelector('[part~="show"]') as HTMLButtonElement | null;
  if (show) {
    show.click();
    await m.el.updateComplete;
  }
  return shadow(m.el).querySelector(`[data-station-id="${id}"]`)!;
}

/** Waits for an image of our own to fail loading: a payload image created at render time would have failed by then too. */
function imageBarrier(): Promise<void> {
  return new Promise((resolve) => {
    const img = new Image();
    img.onerror = img.onload = () => resolve();
    img.src = `/no-such-image-${Date.now()}.png`;
  });
}

/** Whether an embedding, override or isolate opened earlier in `text` is still open at `index` (UAX #9, X1–X8, simplified). */
function openBidiAt(text: string, index: number): boolean {
  const stack: ('embed' | 'isolate')[] = [];
  for (let i = 0; i < index; i++) {
    const c = text[i]!;
    if (c === '\n') stack.length = 0;
    else if ('\u202a\u202b\u202d\u202e'.includes(c)) stack.push('embed');
    else if ('\u2066\u2067\u2068'.includes(c)) stack.push('isolate');
    else if (c === '\u202c' && stack.at(-1) === 'embed') stack.pop();
    else if (c === '\u2069' && stack.includes('isolate')) stack.splice(stack.lastIndexOf('isolate'));
  }
  return stack.length > 0;
}

async function mountHostile(
  props: Record<string, unknown> = { stations: hostile },
  extra: Record<string, string> = {},
): Promise<{ m: Mounted; box: HTMLElement }> {
  const box = document.createElement('div');
  box.style.cssText = 'width: 320px; font-size: 16px;';
  document.body.append(box);
  const m = await mount({ ...attrs, ...extra }, props);
  box.append(m.el);
  await settled(m, () => suggestionIds(m.el).length > 0, 'the hostile stations were not suggested');
  return { m, box };
}

beforeEach(() => {
  sinon.stub(console, 'warn'); // the loader reports the dropped URLs and isolated bidi controls
});

afterEach(() => {
  sinon.restore();
  cleanup();
  delete (window as unknown as Record<string, unknown>)[CANARY];
  document.querySelectorAll('body > div').forEach((d) => d.remove());
});

describe('a hostile dataset: nothing executes', () => {
  /** Uses everything a buyer can: select and share every card (the message to copy is shown), the sources. */
  async function session(m: Mounted): Promise<Set<string>> {
    for (const id of suggestionIds(m.el)) {
      const card = await openCard(m, id!); // alternatives show their actions once opened
      (card.querySelector('[part~="select"]') as HTMLButtonElement).click();
      (card.querySelector('[part~="share"]') as HTMLButtonElement).click();
      await settled(m, () => m.of('safetrade-share').some((e) => e.detail.suggestion.station.id === card.getAttribute('data-station-id')));
    }
    shadow(m.el).querySelector('summary')?.click();
    await m.el.updateComplete;
    return new Set(all(m.el).map((n) => n.tagName));
  }

  it('suggests the stations and renders every payload as inert text, through a whole session', async () => {
    sinon.stub(navigator.clipboard, 'writeText').rejects(new DOMException('denied', 'NotAllowedError'));
    const { m } = await mountHostile();
    expect(suggestionIds(m.el)).to.have.length(Object.keys(PAYLOADS).length);
    const tags = await session(m);
    await imageBarrier();
    expect(canary(), 'a payload ran').to.equal(undefined);
    // The same session on honest data, every field filled, builds the widget's own elements; hostile data adds none.
    const { m: honest } = await mountHostile({ stations: honestTwin });
    const own = await session(honest);
    expect(
      [...tags].filter((t) => !own.has(t) || FOREIGN.has(t)),
      'elements a payload created',
    ).to.deep.equal([]);
    expect(shadow(m.el).querySelectorAll('style')).to.have.length(0); // Lit adopts its styles; a <style> here came from data
    const handlers = all(m.el).flatMap((n) => [...n.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${n.tagName} ${a.name}`));
    expect(handlers).to.deep.equal([]);
    expect(m.el.matches(':focus-within')).to.equal(false); // no autofocus smuggled in
  });

  it('does the same for the dataset fetched from stations-src', async () => {
    new FakeNetwork(() => json(hostile));
    const { m } = await mountHostile({}, { 'stations-src': `/hostile-${Date.now()}.json` });
    await imageBarrier();
    expect(canary()).to.equal(undefined);
    expect(all(m.el).filter((n) => FOREIGN.has(n.tagName))).to.deep.equal([]);
    expect(m.of('safetrade-ready')[0]!.detail).to.deep.equal({ stations: Object.keys(PAYLOADS).length, rejected: 0 });
  });

  it('only ever links to http(s), whatever URLs the dataset holds', async () => {
    const { m } = await mountHostile();
    const links = [...shadow(m.el).querySelectorAll('[href], [src], [action], [formaction], [srcdoc]')];
    expect(links.length).to.be.greaterThan(0);
    for (const link of links) {
      expect(link.tagName, link.outerHTML.slice(0, 80)).to.equal('A');
      expect(['http:', 'https:']).to.include((link as HTMLAnchorElement).protocol);
    }
    // javascript:, data: and their disguises never reach a station: the loader dropped them.
    const urls = m
      .of('safetrade-suggest')[0]!
      .detail.suggestions.map((s: { station: { url?: string } }) => s.station.url)
      .filter(Boolean);
    expect(urls.every((u: string) => /^https?:\/\//.test(u))).to.equal(true);
  });
});

describe('a hostile dataset: the text stays readable', () => {
  it('shows each payload as the exact characters the dataset holds, markup and entities included', async () => {
    const { m } = await mountHostile();
    for (const [key, text] of Object.entries(PAYLOADS)) {
      const shownCard = await card(m, `hostile-${key.toLowerCase()}`);
      expect(shown(shownCard.querySelector('[part~="name"]')!.textContent!.trim()), key).to.equal(shown(text));
      expect(shown(shownCard.querySelector('[part~="address"]')!.textContent!), key).to.include(shown(text).slice(0, 200));
      expect(shownCard.querySelector('[part~="name"]')!.getBoundingClientRect().height, `${key} visible`).to.be.greaterThan(10);
    }
    // Emoji sequences and combining marks arrive whole: not split, escaped or replaced.
    const emoji = (await card(m, 'hostile-emoji')).querySelector('[part~="name"]')!.textContent!;
    expect([...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(emoji)].map((s) => s.segment)).to.include('👨‍👩‍👧‍👦');
    expect(emoji).not.to.include('\ufffd');
  });

  it('cannot reorder the widget’s own words, or the share message, with a bidi override', async () => {
    const write = sinon.stub(navigator.clipboard, 'writeText').resolves();
    const { m } = await mountHostile();
    for (const id of ['hostile-rlo', 'hostile-bidimess']) {
      write.resetHistory();
      const shownCard = await card(m, id);
      (shownCard.querySelector('[part~="share"]') as HTMLButtonElement).click();
      await settled(m, () => write.called);
      const message = write.firstCall.args[0] as string;
      const name = m.of('safetrade-share').at(-1)!.detail.suggestion.station.name as string;
      // Wherever the station's text ends — in the message, or in a label built around it — nothing it opened is still open.
      const ends = (text: string) => [...text.matchAll(new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].map((x) => x.index! + name.length);
      expect(ends(message), `${id}: the name is in the message`).to.not.deep.equal([]);
      for (const end of ends(message)) expect(openBidiAt(message, end), `${id}: an override still open in the share message`).to.equal(false);
      expect(openBidiAt(message, message.length)).to.equal(false);
      const labels = [...shownCard.querySelectorAll('[aria-label]')].map((n) => n.getAttribute('aria-label')!).filter((l) => l.includes(name));
      for (const label of labels) for (const end of ends(label)) expect(openBidiAt(label, end), `${id}: in "${label}"`).to.equal(false);
      // On screen, the station's own text is isolated from what surrounds it.
      for (const part of shownCard.querySelectorAll('[part~="name"], [part~="address"]')) {
        const isolated = (n: Element | null): boolean =>
          !!n && n !== part.parentElement && (getComputedStyle(n).unicodeBidi === 'isolate' || n.tagName === 'BDI' || isolated(n.firstElementChild));
        expect(isolated(part), `${id}: ${part.getAttribute('part')} is isolated`).to.equal(true);
      }
    }
  });
});

describe('a hostile dataset: the layout holds in a 320 px column', () => {
  it('never gets wider than its container, and nothing inside sticks out', async () => {
    const { m, box } = await mountHostile();
    shadow(m.el).querySelector('summary')?.click();
    await m.el.updateComplete;
    const limit = box.getBoundingClientRect();
    expect(m.el.getBoundingClientRect().width).to.be.at.most(320);
    const base = shadow(m.el).querySelector('[part~="base"]')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    const outside = all(m.el)
      .filter((n) => n.getClientRects().length > 0)
      .filter((n) => {
        const r = n.getBoundingClientRect();
        return r.left < limit.left - 0.5 || r.right > limit.right + 0.5;
      })
      .map((n) => `${n.tagName}[part=${n.getAttribute('part')}]`);
    expect(outside).to.deep.equal([]);
  });

  it('cuts a 10,000-character name off visibly after three lines instead of filling the page', async () => {
    const { m } = await mountHostile();
    for (const key of ['long', 'longWords']) {
      const name = (await card(m, `hostile-${key.toLowerCase()}`)).querySelector('[part~="name"]') as HTMLElement;
      const lineHeight = parseFloat(getComputedStyle(name).lineHeight);
      expect(name.getBoundingClientRect().height, key).to.be.at.most(3 * lineHeight + 1);
      expect(name.scrollHeight, `${key}: the rest is cut off, and the cut shows`).to.be.greaterThan(name.clientHeight);
      expect(getComputedStyle(name).webkitLineClamp).to.equal('3'); // which draws the ellipsis
      expect(name.textContent).to.have.length(PAYLOADS[key as 'long' | 'longWords'].length); // all of it is still there for assistive tech
    }
  });
});
