/**
 * The real reference server over a database built by the real importer, plus host pages
 * served with whatever headers a test wants (CSP), all on one 127.0.0.1 origin.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Entry } from '../../../src/data/entry.js';
import { buildApp } from '../../../server/app.js';
import { importFile, type ImportResult } from '../../../server/import.js';
import { snapshotDist } from './dist.js';

export interface Served {
  body: string | Buffer;
  type: string;
  headers?: Record<string, string>;
}

/** Called per request: `nonce` is fresh each time, for pages that need one. */
export type Handler = (nonce: string, url: URL) => Served;

export interface LoggedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface Stack {
  app: FastifyInstance;
  /** http://127.0.0.1:PORT, no trailing slash. */
  origin: string;
  /** The snapshot of dist/ served at /dist/. */
  dist: string;
  imported: ImportResult;
  /** Every request the server saw, in order. */
  requests: LoggedRequest[];
  /** Serves `handler` at `path` (any path outside /api/ and /dist/). */
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

export const html = (body: string, headers: Record<string, string> = {}): Served => ({
  body,
  type: 'text/html; charset=utf-8',
  headers,
});

export const nonce = () => randomBytes(18).toString('base64');

export interface StackOptions {
  /** Records to import; may include invalid ones, which the importer rejects. */
  records: unknown[];
  /** An existing dist snapshot to serve (default: a fresh one). */
  dist?: string;
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'wsis-e2e-'));
  const dist = options.dist ?? snapshotDist();
  const source = join(dir, 'entries.json');
  writeFileSync(source, JSON.stringify(options.records));
  const dbPath = join(dir, 'stocktaking.db');
  const imported = await importFile(source, dbPath);
  if (!imported.imported) throw new Error('e2e: the importer accepted no record');

  const app = buildApp({ dbPath, staticRoots: [{ prefix: '/dist/', root: dist }] });
  const requests: LoggedRequest[] = [];
  app.addHook('onRequest', async (request) => {
    requests.push({ method: request.method, url: request.url, headers: { ...request.headers } });
  });
  const routes = new Map<string, Handler>();
  // One catch-all, so tests can add pages after the server is listening.
  for (const prefix of ['/host/*', '/data/*']) {
    app.get(prefix, async (request, reply) => {
      const url = new URL(request.url, 'http://localhost');
      const handler = routes.get(url.pathname);
      if (!handler) return reply.code(404).type('text/plain').send('no such page');
      const served = handler(nonce(), url);
      reply.header('cache-control', 'no-store');
      for (const [name, value] of Object.entries(served.headers ?? {})) reply.header(name, value);
      return reply.type(served.type).send(served.body);
    });
  }
  // Browsers ask for it on every page; a 404 would read as a failed request.
  app.get('/favicon.ico', async (_request, reply) => reply.code(204).send());
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    origin: address.replace(/\/$/, ''),
    dist,
    imported,
    requests,
    route: (path, handler) => void routes.set(path, handler),
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
      if (!options.dist) rmSync(dist, { recursive: true, force: true });
    },
  };
}

/** JSON of entries for static mode. */
export const jsonFile = (entries: readonly Entry[]): Served => ({
  body: JSON.stringify(entries),
  type: 'application/json; charset=utf-8',
});
