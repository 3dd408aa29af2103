/** Shared setup for server tests: a temp database from sample data and a running app. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

export interface Spawned {
  child: ChildProcess;
  base: string;
  /** The server's own process id (not npm's, when started through npm). */
  pid: number;
  output: () => string;
  exited: Promise<number | null>;
}

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Writes a sample database of `count` entries to a new temp directory; returns its path. */
export function sampleDatabase(count: number, seed = 1): string {
  const dbPath = join(tempDir(), 'test.db');
  writeDatabase(generateEntries(count, seed), dbPath);
  return dbPath;
}

/**
 * Runs server/start.ts in its own process (its own event loop, its own memory), as `npm start`
 * when `npm` is set, and waits for its address. Extra `nodeArgs` go to node (not through npm).
 */
export async function spawnServer(
  args: string[],
  options: { npm?: boolean; nodeArgs?: string[] } = {},
): Promise<Spawned> {
  const serverArgs = ['--port', '0', '--no-build', '--log-level', 'warn', ...args];
  const child = options.npm
    ? spawn('npm', ['start', '--silent', '--', ...serverArgs], { cwd: root, stdio: 'pipe' })
    : spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', 'server/start.ts', ...serverArgs], {
        cwd: root,
        stdio: 'pipe',
      });
  let text = '';
  child.stdout!.on('data', (d) => (text += d));
  child.stderr!.on('data', (d) => (text += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const started = await new Promise<RegExpMatchArray | null>((resolve) => {
    const poll = setInterval(() => {
      const m = text.match(/server: (http:\S+) .*pid (\d+)/);
      if (m) finish(m);
    }, 50);
    const finish = (m: RegExpMatchArray | null) => {
      clearInterval(poll);
      resolve(m);
    };
    void exited.then(() => finish(text.match(/server: (http:\S+) .*pid (\d+)/)));
  });
  if (!started) throw new Error(`The server did not start:\n${text}`);
  return {
    child,
    base: started[1].replace('localhost', '127.0.0.1'),
    pid: Number(started[2]),
    output: () => text,
    exited,
  };
}

/** Whether a process with this id is still running. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
