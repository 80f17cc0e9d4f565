// With the script tag, a language other than English arrives on demand as a pinned file beside
// the loader (dist/script/locale-<lang>-*.js, the same catalogue as dist/locales/<lang>.js).
import { expect } from '@open-wc/testing';
import './global.js';

describe('languages loaded beside dist/safetrade-meetup.js', () => {
  before(
    () =>
      new Promise<void>((resolve, reject) => {
        const script = Object.assign(document.createElement('script'), { src: '/dist/safetrade-meetup.js' });
        script.onload = () => resolve();
        script.onerror = () => reject(new Error('could not load the script'));
        document.head.append(script);
      }),
  );

  it('loads Spanish for es-MX and French for fr-CA, each from its pinned file', async () => {
    const { loadMessages } = await window.SafeTradeMeetup.load();
    const entries = () => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    expect((await loadMessages('es-MX')).heading).to.equal('Reúnanse en un punto seguro de la policía');
    expect((await loadMessages('fr-CA')).heading).to.equal('Rencontrez-vous à un poste de police');
    expect(entries().filter((p) => p.startsWith('/dist/script/locale-'))).to.have.length(2);
    const scripts = [...document.querySelectorAll<HTMLScriptElement>('script[src*="/dist/script/locale-"]')];
    expect(scripts.map((s) => s.integrity)).to.satisfy((list: string[]) => list.length === 2 && list.every((i) => i.startsWith('sha256-')));
  });

  it('lets the host register a language', async () => {
    const { loadMessages, registerMessages, resolveLocale } = await window.SafeTradeMeetup.load();
    registerMessages('pt', { heading: 'Encontre-se num posto policial' });
    expect(resolveLocale(['pt-BR'])).to.equal('pt');
    expect((await loadMessages('pt-BR')).heading).to.equal('Encontre-se num posto policial');
  });
});
