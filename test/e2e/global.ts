// The script tag's global, as a page sees it (contract v1.1): `load()` resolves to the core.
export type CoreApi = typeof import('../../src/script/core.js');

export interface SafeTradeMeetupGlobal {
  version: string;
  load(): Promise<CoreApi>;
}

declare global {
  interface Window {
    SafeTradeMeetup: SafeTradeMeetupGlobal;
  }
}

export function addScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}
