#!/usr/bin/env node
// A plain static file server for the examples: what any static host or CDN does, nothing more.
// `/` redirects to /examples/ (the playground); `/dist/…` is the built package; under
// /node_modules/ only the browser builds the examples' import maps point at are served.
// PORT=8000 by default. Tests import `startServer()` (any free port, optional extra headers,
// e.g. a strict Content-Security-Policy).
import { createServer } from 'node:http';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};
// Packages whose files an import map may point at (Lit for the ESM build, Vue for its example).
const SERVED_PACKAGES = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', 'vue'];

function allowed(path) {
  if (!path.split('/').includes('node_modules')) return true;
  const rest = path.replace(/^\/node_modules\//, '');
  return path.startsWith('/node_modules/') && !rest.includes('node_modules') && SERVED_PACKAGES.some((p) => rest.startsWith(`${p}/`));
}

/** Starts the server; resolves to `{ server, url }` once it listens. */
// Tests may pass `onResponse(status, path)` to see every answer, and `inject`, a tag put first in
// every HTML page's <head> (the end-to-end tests' error watcher, an external script so that a
// strict Content-Security-Policy allows it).
export function startServer({ port = 0, headers = {}, onResponse, inject } = {}) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (onResponse) res.on('finish', () => onResponse(res.statusCode, path));
    if (path === '/') {
      res.writeHead(302, { location: '/examples/', ...headers }).end();
      return;
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(root) || !allowed(path) || file.split(sep).includes('.git')) {
      res.writeHead(403, headers).end('forbidden');
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      statSync(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain', ...headers }).end(`not found: ${path}`);
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache', ...headers });
    if (inject && extname(file) === '.html') {
      const html = readFileSync(file, 'utf8');
      res.end(/<head>/i.test(html) ? html.replace(/<head>/i, (h) => `${h}${inject}`) : inject + html);
      return;
    }
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` }));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { url } = await startServer({ port: Number(process.env.PORT ?? 8000) });
  console.log(`safetrade-meetup examples: ${url.replace('127.0.0.1', 'localhost')}/examples/`);
  console.log(
    `  playground ${url}/examples/  ·  listing /examples/listing.html  ·  ESM /examples/esm.html  ·  React /examples/react/  ·  Vue /examples/vue.html`,
  );
}
