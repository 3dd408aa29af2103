/**
 * A web of simulated sites on one local server, for the link checker's tests and bench. Every host name
 * reaches it through `stubLookup` (names ending in `.invalid` do not resolve); the path says how to answer:
 *
 *   /ok /anything-else   200, a page larger than the checker reads
 *   /status/NNN          that status (HEAD and GET alike)
 *   /head-refused/NNN    HEAD answers NNN, GET 200
 *   /redirect/NNN?to=U   NNN with Location U
 *   /chain/N             301 to /chain/N-1 … /chain/0: 200
 *   /loop/a, /loop/b     302 to each other
 *   /slow/MS             200 after MS ms
 *   /hang                headers never sent
 *   /huge                HEAD 405; GET 200 with an endless HTML body
 *   /parked              a small for-sale page
 *   /busy/KEY?after=S    429 with Retry-After: S the first time per host and KEY, then 200
 *   /flaky/KEY?fail=N    500 the first N times per host and KEY, then 200
 *
 * It records each request, and the most requests ever in flight at once per Host header.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { LookupFunction } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  host: string;
  method: string;
  path: string;
  at: number;
  userAgent: string;
}

export interface LinkSites {
  port: number;
  /** `http://HOST:PORT/PATH` */
  url(host: string, path: string): string;
  requests: SeenRequest[];
  /** Most requests in flight at once, per host (with port). */
  peak: Map<string, number>;
  /** Most requests in flight at once over all hosts. */
  peakTotal(): number;
  /** Bytes of /huge written before the client went away. */
  hugeBytesSent(): number;
  close(): Promise<void>;
}

export interface SiteOptions {
  /** Added before each answer, ms; may depend on the request (the bench draws it at random). */
  latency?: (path: string) => number;
  /** Keep no request log (the bench's 20,000 sites). */
  quiet?: boolean;
}

/** Every name resolves to 127.0.0.1, except `*.invalid`, which fails as a missing domain does. */
export const stubLookup = ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
  if (hostname.endsWith('.invalid')) {
    const err = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
    return process.nextTick(() => callback(err));
  }
  if (options?.all) process.nextTick(() => callback(null, [{ address: '127.0.0.1', family: 4 }]));
  else process.nextTick(() => callback(null, '127.0.0.1', 4));
}) as unknown as LookupFunction;

const PAGE = `<!doctype html><title>Project</title><p>${'An ICT project page. '.repeat(1200)}</p>`;
const PARKED = `<!doctype html><title>example.org</title><p>This domain is for sale! Buy this domain today.</p>`;

export async function startLinkSites(options: SiteOptions = {}): Promise<LinkSites> {
  const requests: SeenRequest[] = [];
  const active = new Map<string, number>();
  const peak = new Map<string, number>();
  const busySeen = new Set<string>();
  const flakyCount = new Map<string, number>();
  const hanging = new Set<ServerResponse>();
  let hugeBytes = 0;
  let total = 0;
  let peakTotal = 0;

  const answer = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const parts = url.pathname.split('/').filter(Boolean);
    const html = (body: string, code = 200) => {
      res.writeHead(code, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const go = (code: number, to: string) => {
      res.writeHead(code, { location: to, 'content-length': 0 });
      res.end();
    };
    switch (parts[0]) {
      case 'status':
        return html(`<p>status ${parts[1]}</p>`, Number(parts[1]));
      case 'head-refused':
        return req.method === 'HEAD' ? html('', Number(parts[1])) : html(PAGE);
      case 'redirect':
        return go(Number(parts[1]), url.searchParams.get('to') ?? '/');
      case 'chain':
        return Number(parts[1]) > 0 ? go(301, `/chain/${Number(parts[1]) - 1}`) : html(PAGE);
      case 'loop':
        return go(302, parts[1] === 'a' ? '/loop/b' : '/loop/a');
      case 'slow':
        return void setTimeout(() => html(PAGE), Number(parts[1]));
      case 'hang':
        hanging.add(res);
        return;
      case 'huge': {
        // HEAD refused, so the checker must GET, and must stop reading.
        if (req.method === 'HEAD') return html('', 405);
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        const pump = () => {
          while (!res.destroyed && hugeBytes < 1e9) {
            hugeBytes += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
        };
        res.on('close', () => res.destroy());
        return pump();
      }
      case 'parked':
        return html(PARKED);
      case 'busy': {
        const key = `${req.headers.host}/${parts[1]}`;
        if (busySeen.has(key)) return html(PAGE);
        busySeen.add(key);
        res.writeHead(429, { 'retry-after': url.searchParams.get('after') ?? '1', 'content-length': 0 });
        return res.end();
      }
      case 'flaky': {
        const key = `${req.headers.host}/${parts[1]}`;
        const n = (flakyCount.get(key) ?? 0) + 1;
        flakyCount.set(key, n);
        return html(PAGE, n <= Number(url.searchParams.get('fail') ?? 1) ? 500 : 200);
      }
      default:
        return html(PAGE);
    }
  };

  const server: Server = createServer((req, res) => {
    const host = req.headers.host ?? '';
    const url = new URL(req.url ?? '/', 'http://x');
    if (!options.quiet) {
      requests.push({
        host,
        method: req.method ?? '',
        path: url.pathname + url.search,
        at: Date.now(),
        userAgent: req.headers['user-agent'] ?? '',
      });
    }
    total++;
    peakTotal = Math.max(peakTotal, total);
    const now = (active.get(host) ?? 0) + 1;
    active.set(host, now);
    if (now > (peak.get(host) ?? 0)) peak.set(host, now);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      total--;
      const left = (active.get(host) ?? 1) - 1;
      if (left) active.set(host, left);
      else active.delete(host);
    };
    res.on('close', finish);
    const delay = options.latency?.(url.pathname) ?? 0;
    if (delay > 0) setTimeout(() => !res.destroyed && answer(req, res, url), delay);
    else answer(req, res, url);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: (host, path) => `http://${host}:${port}${path.startsWith('/') ? path : `/${path}`}`,
    requests,
    peak,
    peakTotal: () => peakTotal,
    hugeBytesSent: () => hugeBytes,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
