/**
 * Serves the test pages on 127.0.0.1 (a random free port): the project's own
 * fixtures under /fixtures/, and the real news pages of ../shared/pages/ under
 * /shared/ (read from there, never copied into the project), and the demo
 * article under /demo/. A file's extra response headers (a fixture's
 * Content-Security-Policy) come from a sidecar beside it, `<file>.headers.json`.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

export const FIXTURE_PAGES = resolve('test/fixtures/pages');
export const DEMO_PAGES = resolve('demo');
/** Pages the benchmarks generate (large and deep), under /generated/. */
export const GENERATED_PAGES = resolve('.output/bench/pages');
export const SHARED_PAGES = resolve(process.env.RDL_SHARED_PAGES ?? '../shared/pages');

const AREAS: Record<string, string | undefined> = {
  fixtures: FIXTURE_PAGES,
  shared: SHARED_PAGES,
  demo: DEMO_PAGES,
  generated: GENERATED_PAGES,
  // Libraries a fixture runs as the page's own code (Preact, for the re-rendering app).
  modules: resolve('node_modules'),
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
};

export interface PageServer {
  origin: string;
  url(path: string): string;
  /** Every request this server has answered, oldest first, as its method and path (with any query). */
  requests(): { method: string; path: string }[];
  close(): Promise<void>;
}

export async function startPageServer(): Promise<PageServer> {
  const requests: { method: string; path: string }[] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? '?', path: req.url ?? '' });
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/favicon.ico') {
      // Browsers ask for it on every page; a 404 would show up as a console error.
      res.writeHead(204).end();
      return;
    }
    const [, area, ...rest] = path.split('/');
    const base = AREAS[area ?? ''];
    const file = base ? join(base, normalize(rest.join('/')).replace(/^(\.\.[/\\])+/, '')) : null;
    if (!file || !file.startsWith(base!) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const sidecar = `${file}.headers.json`;
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      ...(existsSync(sidecar) && (JSON.parse(readFileSync(sidecar, 'utf8')) as Record<string, string>)),
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path.startsWith('/') ? '' : '/'}${path}`,
    requests: () => [...requests],
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/**
 * Whether a URL stays on this machine (our pages, the extension's, the
 * browser's own). Nothing else is reachable; navigations elsewhere are
 * stopped by the drivers so that a real news page that redirects itself to
 * its publisher's site stays the page under test.
 */
export function isLocalUrl(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'http:' || protocol === 'https:' || protocol === 'ws:' || protocol === 'wss:') {
      return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
    }
    return true;
  } catch {
    return true;
  }
}
