// `stations-integrity`: a host pins its own dataset (or tile manifest) by its SHA-384, and a file
// that does not match (altered on the way, or on the host's CDN) is refused, never shown.
import { expect } from '@open-wc/testing';
import { alertText, cleanup, LOWER_EAST_SIDE, MIDTOWN, mount, settled, suggestionIds, type Mounted } from './helpers.js';

const positions = {
  'seller-lat': LOWER_EAST_SIDE.lat,
  'seller-lng': LOWER_EAST_SIDE.lng,
  'buyer-lat': MIDTOWN.lat,
  'buyer-lng': MIDTOWN.lng,
};
/** The shipped dataset, as a host serving its own copy would pin it. */
const SOURCE = '/dist/stations.json';

async function sri(url: string): Promise<string> {
  const bytes = await (await fetch(url)).arrayBuffer();
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
  return `sha384-${btoa(String.fromCharCode(...digest))}`;
}
const errorOf = (m: Mounted) => m.of('safetrade-error').at(-1)?.detail as { code: string; message: string } | undefined;

afterEach(cleanup);

describe('stations-integrity', () => {
  it('loads a dataset whose bytes match the pinned hash', async () => {
    const m = await mount({ ...positions, 'stations-src': `${SOURCE}?pinned`, 'stations-integrity': await sri(SOURCE) });
    await settled(m, () => suggestionIds(m.el).length > 0, 'no suggestions shown');
    expect(suggestionIds(m.el)[0]).to.match(/^nypd-/);
    expect(m.of('safetrade-error')).to.have.length(0);
  });

  it('refuses a dataset whose bytes do not match, with dataset-invalid and a visible alert, and shows no station', async () => {
    // The hash of another file: what a host sees after its CDN served altered coordinates.
    const other = await sri('/test/fixtures/datasets/wrong-format.json');
    const m = await mount({ ...positions, 'stations-src': `${SOURCE}?altered`, 'stations-integrity': other });
    await settled(m, () => !!errorOf(m), 'no safetrade-error');
    expect(errorOf(m)!.code).to.equal('dataset-invalid');
    expect(errorOf(m)!.message).to.include('does not match the integrity it is pinned with').and.include(other);
    expect(alertText(m.el)).to.be.a('string').and.not.equal('');
    expect(suggestionIds(m.el)).to.deep.equal([]);
  });

  it('loads again once the host corrects the hash', async () => {
    const m = await mount({
      ...positions,
      'stations-src': `${SOURCE}?corrected`,
      'stations-integrity': 'sha384-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    });
    await settled(m, () => errorOf(m)?.code === 'dataset-invalid', 'no dataset-invalid');
    m.el.setAttribute('stations-integrity', await sri(SOURCE));
    await settled(m, () => suggestionIds(m.el).length > 0, 'no suggestions after the fix');
  });
});
