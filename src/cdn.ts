// dist/safetrade-meetup.js, the script tag: a small classic-script loader (contract v1.1). At once it
// sets window.SafeTradeMeetup = { version, load() }; the widget's code (dist/script/*.js) and its
// default dataset arrive only when a <safetrade-meetup> comes within 1,250 px of the viewport
// (`loading="eager"`: at once), both at the same time. Every file it fetches lies beside it and is
// pinned by the SHA-256 the build wrote in (safetrade:pins), which the browser checks: pin this
// file with SRI and everything it loads is pinned too.
//
// The code files are Rollup `system` chunks (rollup.config.mjs). This file is their module loader:
// a chunk registers with the <script> element that inserted it (document.currentScript), so no
// page-wide `System` is involved, and a file's static imports are inserted together with it.
import { ALIASES, CORE, ELEMENT, FILES } from 'safetrade:pins';
import { VERSION } from './version.js';

type Namespace = Record<string, unknown>;
type Setter = ((ns: Namespace) => void) | null;
type Declare = (
  exports: (name: string | Namespace, value?: unknown) => unknown,
  context: { import(spec: string): Promise<Namespace>; meta: object },
) => { setters?: Setter[]; execute?: () => unknown };
interface Module {
  key: string;
  ns: Namespace;
  importers: ((ns: Namespace) => void)[];
  /** Resolves once the file ran and registered. */
  loaded: Promise<void>;
  deps?: string[];
  declare?: Declare;
  state?: 'linked';
}
/** Trusted Types, as far as the loader uses them (not in TypeScript's DOM library). */
interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
interface Global {
  version: string;
  load(): Promise<Namespace>;
}

const TAG = 'safetrade-meetup';
const w = window as unknown as {
  SafeTradeMeetup?: Global & { VERSION?: string };
  trustedTypes?: { createPolicy(name: string, rules: ScriptUrlPolicy): ScriptUrlPolicy };
};
const first = w.SafeTradeMeetup;

if (first) {
  // Loaded twice: the first copy keeps the page (issue #12: its global, its element, its catalogues).
  const other = first.version ?? first.VERSION;
  // Once per page and version, however many copies of this one a page includes.
  const warned = ((w as unknown as Record<symbol, Set<string>>)[Symbol.for(`${TAG}.ignored`)] ??= new Set());
  if (other !== VERSION && !warned.has(VERSION)) {
    warned.add(VERSION);
    console.warn(`<${TAG}>: safetrade-meetup.js ${VERSION} was ignored: version ${other} is already on this page`);
  }
} else start();

function start(): void {
  const script = document.currentScript as HTMLScriptElement | null;
  // Where the loader came from: every file it fetches is resolved against this, and only those.
  const self = script?.src || location.href;
  const base = new URL('.', self).href;
  const modules = new Map<string, Module>();
  const prefetched = new Map<string, Promise<Response>>();
  let policy: ScriptUrlPolicy | undefined;
  let core: Promise<Namespace> | undefined;
  let element: Promise<Namespace> | undefined;

  const keyOf = (url: string) => (url.startsWith(base) ? url.slice(base.length) : url);
  /** The code module `key` and everything it imports statically, inserted together, then run. */
  const need = (key: string): Promise<Namespace> => {
    key = ALIASES[key] ?? key;
    const all = new Set<string>();
    const add = (k: string) => {
      if (all.has(k)) return;
      all.add(k);
      FILES[k]?.[1]?.forEach(add);
    };
    add(key);
    return Promise.all([...all].map(insert)).then(() => run(key).ns);
  };

  function insert(key: string): Promise<void> {
    const known = modules.get(key);
    if (known) return known.loaded;
    const pin = FILES[key];
    const url = base + key;
    if (!pin?.[1]) return Promise.reject(new Error(`<${TAG}>: ${url} is not a file safetrade-meetup.js ${VERSION} pinned`));
    const el = document.createElement('script') as HTMLScriptElement & { safetrade?: (deps: string[], declare: Declare) => void };
    const mod: Module = { key, ns: {}, importers: [], loaded: undefined! };
    const refused = (why: string) => {
      modules.delete(key); // a later element, or load(), tries again
      return new Error(`<${TAG}>: ${url} was refused: ${why}`);
    };
    mod.loaded = new Promise<void>((resolve, reject) => {
      el.safetrade = (deps, declare) => {
        mod.deps = deps.map((d) => keyOf(new URL(d, url).href));
        mod.declare = declare;
      };
      el.onload = () => (mod.declare ? resolve() : reject(refused('it is not a safetrade-meetup file')));
      el.onerror = () => reject(refused(`it did not load, or its content does not match the ${pin[0]} that safetrade-meetup.js ${VERSION} pinned`));
    });
    modules.set(key, mod);
    el.integrity = pin[0];
    el.crossOrigin = 'anonymous';
    el.referrerPolicy = 'no-referrer';
    try {
      // Under `require-trusted-types-for 'script'` a script URL must come from a policy; this one
      // passes only the pinned files (docs/EMBEDDING.md: the names a host's `trusted-types` allows).
      if (w.trustedTypes && !policy) {
        try {
          policy = w.trustedTypes.createPolicy('safetrade-meetup', {
            createScriptURL: (u) => {
              if (FILES[keyOf(u)]?.[1]) return u;
              throw new TypeError(`${u} is not pinned`);
            },
          });
        } catch {
          // Not allowed by the page's `trusted-types`: a plain URL works unless TT are enforced.
          policy = { createScriptURL: (u) => u };
        }
      }
      el.src = (policy ? policy.createScriptURL(url) : url) as string;
    } catch {
      return Promise.reject(refused(`Trusted Types blocked it; allow the policies "safetrade-meetup" and "lit-html" in the page's trusted-types directive`));
    }
    document.head.append(el);
    return mod.loaded;
  }

  /** Links `key` to its imports and runs it, imports first (ES module order). */
  function run(key: string): Module {
    const mod = modules.get(key)!;
    if (mod.state) return mod;
    mod.state = 'linked';
    const { setters = [], execute } = mod.declare!(
      (name, value) => {
        if (typeof name === 'string') mod.ns[name] = value;
        else Object.assign(mod.ns, name);
        mod.importers.forEach((set) => set(mod.ns));
        return value;
      },
      {
        import: (spec) => need(keyOf(new URL(spec, base + key).href)),
        // The element finds stations.json and the catalogues beside the script, as in the ESM
        // build beside dist/index.js; `loader` hands it the pins and the data fetched in advance.
        meta: { url: self, loader: { integrity: (u: string) => FILES[keyOf(u)]?.[0], take } },
      },
    );
    mod.deps!.forEach((dep, i) => {
      const imported = run(dep);
      const set = setters[i];
      if (set) {
        imported.importers.push(set);
        set(imported.ns);
      }
    });
    execute?.();
    return mod;
  }

  /** The prefetched response for `url` fetched with `integrity`, once (then the widget fetches itself). */
  function take(url: string, integrity = ''): Promise<Response> | undefined {
    const key = url + ' ' + integrity;
    const response = prefetched.get(key);
    prefetched.delete(key);
    return response;
  }

  /** The dataset an element will ask for first, fetched now, in parallel with the code. */
  function prefetch(el: Element): void {
    if (Object.prototype.hasOwnProperty.call(el, 'stations')) return; // the host gave stations itself
    const src = el.getAttribute('stations-src');
    let url: string;
    try {
      url = new URL(src || base + 'stations.json', document.baseURI).href;
    } catch {
      return; // the element reports a bad URL itself
    }
    const integrity = src ? (el.getAttribute('stations-integrity') ?? '') : FILES['stations.json']![0];
    const key = url + ' ' + integrity;
    if (prefetched.has(key) || !/^https?:/.test(url)) return;
    // The options the widget's own fetch uses (src/element/load.ts); a failure is its to report.
    const response = fetch(url, { credentials: 'same-origin', referrerPolicy: 'no-referrer', integrity });
    response.catch(() => {});
    prefetched.set(key, response);
  }

  function define(el: Element): void {
    if (customElements.get(TAG)) return;
    prefetch(el);
    element ??= need(ELEMENT).catch((error: Error) => {
      element = undefined;
      // The elements stay undefined, so they show nothing broken; the console says why.
      console.error(error.message);
      return {};
    });
  }

  w.SafeTradeMeetup = {
    version: VERSION,
    load: () =>
      (core ??= need(CORE).catch((error: unknown) => {
        core = undefined;
        throw error;
      })),
  };

  const defined = customElements.get(TAG) as { version?: string } | undefined;
  if (defined) {
    // Another build defined it first (the ESM build, an older copy): that one stays.
    if (defined.version !== VERSION)
      console.warn(`<${TAG}>: version ${VERSION} was loaded after ${defined.version ?? 'another definition'}; keeping the first one`);
    return;
  }
  // Within 1,250 px of the viewport, as browsers load <iframe loading="lazy">.
  const near = new IntersectionObserver((entries) => entries.forEach((e) => e.isIntersecting && define(e.target)), { rootMargin: '1250px' });
  const watch = (el: Element) => (el.getAttribute('loading') === 'eager' ? define(el) : near.observe(el));
  const scan = (root: ParentNode) => root.querySelectorAll(TAG).forEach(watch);
  // Elements the parser adds after this script, and ones a page adds later (chat threads, routes).
  const added = new MutationObserver((records) =>
    records.forEach((r) => {
      if ((r.target as Element).localName === TAG && r.type === 'attributes') watch(r.target as Element);
      r.addedNodes.forEach((node) => {
        if (node instanceof Element) {
          if (node.localName === TAG) watch(node);
          scan(node);
        }
      });
    }),
  );
  added.observe(document, { childList: true, subtree: true, attributeFilter: ['loading'] });
  scan(document);
  // Once defined, the browser upgrades every element, near or not: nothing left to watch.
  customElements.whenDefined(TAG).then(() => {
    near.disconnect();
    added.disconnect();
  });
}
