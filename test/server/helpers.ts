/** Shared setup for server tests: a temp database from sample data and a running app. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { generateEntries } from '../../scripts/sample/generate.js';
import type { Entry } from '../../src/data/entry.js';
import { queryParts } from '../../src/data/text/query-parts.js';
import { indexTerms } from '../../src/data/text/tokenize.js';
import { buildApp, type AppOptions } from '../../server/app.js';
import { writeDatabase } from '../../server/db.js';

export interface Server {
  app: FastifyInstance;
  base: string;
  entries: Entry[];
  dir: string;
  get(path: string, init?: RequestInit): Promise<Response>;
  json<T = any>(path: string): Promise<{ status: number; body: T; headers: Headers }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): Promise<void>;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'wsis-server-'));
}

/** Starts the real app on an ephemeral port over `count` sample entries. */
export async function startServer(count = 3000, seed = 42, options: Partial<AppOptions> = {}): Promise<Server> {
  const dir = tempDir();
  const entries = generateEntries(count, seed);
  const dbPath = join(dir, 'test.db');
  writeDatabase(entries, dbPath);
  const app = buildApp({ dbPath, ...options });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const get = (path: string, init?: RequestInit) => fetch(address + path, init);
  return {
    app,
    base: address,
    entries,
    dir,
    get,
    async json(path) {
      const res = await get(path);
      return { status: res.status, body: await res.json(), headers: res.headers };
    },
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The engines' text rule (src/data/text/query-parts.ts), written out plainly over the entry's index terms. */
export function matchesText(entry: Entry, q: string): boolean {
  const parts = queryParts(q);
  if (!parts.length) return true;
  let terms = termsOf.get(entry);
  if (!terms)
    termsOf.set(entry, (terms = new Set(indexTerms(`${entry.title} ${entry.organization} ${entry.description}`))));
  const all = [...terms];
  return parts.every(
    (p) =>
      (p.exact.length > 0 && p.exact.every((t) => terms.has(t))) ||
      (p.prefix !== undefined && all.some((t) => t.startsWith(p.prefix!))),
  );
}

const termsOf = new WeakMap<Entry, Set<string>>();
