// src/element/pins.ts as dist/script has it: the loader (src/cdn.ts) gives every module it runs
// `import.meta.loader` (Rollup's `system` format turns import.meta into the loader's `meta`).
interface Loader {
  integrity(url: string): string | undefined;
  take(url: string, integrity: string): Promise<Response> | undefined;
}
const loader = (import.meta as ImportMeta & { loader?: Loader }).loader;

export const pinnedIntegrity = (url: string): string | undefined => loader?.integrity(url);

export const takePrefetched = (url: string, integrity: string): Promise<Response> | undefined => loader?.take(url, integrity);
