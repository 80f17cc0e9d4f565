// The script-tag bundle finds dist/locales/<lang>.js beside itself and imports it on demand.
import { expect } from '@open-wc/testing';

declare global {
  interface Window {
    SafeTradeMeetup: typeof import('../../src/cdn.js');
  }
}

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

  it('loads Spanish for es-MX and French for fr-CA from dist/locales/', async () => {
    const { loadMessages } = window.SafeTradeMeetup;
    const entries = () => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    expect((await loadMessages('es-MX')).heading).to.equal('Reúnanse en un punto seguro de la policía');
    expect((await loadMessages('fr-CA')).heading).to.equal('Rencontrez-vous à un poste de police');
    expect(entries()).to.include.members(['/dist/locales/es.js', '/dist/locales/fr.js']);
  });

  it('lets the host register a language', async () => {
    const { loadMessages, registerMessages, resolveLocale } = window.SafeTradeMeetup;
    registerMessages('pt', { heading: 'Encontre-se num posto policial' });
    expect(resolveLocale(['pt-BR'])).to.equal('pt');
    expect((await loadMessages('pt-BR')).heading).to.equal('Encontre-se num posto policial');
  });
});
