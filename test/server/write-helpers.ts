/** Shared setup for write-API tests: a database with two organizations, their editors, an admin. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { generateEntries } from '../../scripts/sample/generate.js';
import type { Entry } from '../../src/data/entry.js';
import { buildApp, type AppOptions } from '../../server/app.js';
import { openWritable, writeDatabase } from '../../server/db.js';
import { addMembership, addOrganization, createAccount } from '../../server/store/accounts.js';
import { issueToken, setPassword } from '../../server/auth/credentials.js';
import { tempDir } from './helpers.js';

export const PASSWORD = 'correct horse battery';

export interface WriteServer {
  app: FastifyInstance;
  base: string;
  dir: string;
  dbPath: string;
  entries: Entry[];
  /** The two organizations with the most entries. */
  orgA: string;
  orgB: string;
  /** Script tokens of editor-a and admin. */
  tokens: Record<'editorA' | 'admin', string>;
  /** An entry of each organization. */
  entryOf(org: string, skip?: number): Entry;
  signIn(account: string, password?: string): Promise<Client>;
  close(): Promise<void>;
}

export interface Reply {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Leave out the CSRF header (cookie clients add it by default). */
  noCsrf?: boolean;
}

/** Calls the API as a browser on the API's own origin would, or with a bearer token. */
export class Client {
  constructor(
    readonly base: string,
    readonly cookie?: string,
    readonly csrf?: string,
    readonly token?: string,
  ) {}

  async call(method: string, path: string, options: RequestOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.cookie && this.csrf && !options.noCsrf) headers['x-csrf-token'] = this.csrf;
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    Object.assign(headers, options.headers);
    const res = await fetch(this.base + '/api/v1' + path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: the test looks at the text.
    }
    return { status: res.status, headers: res.headers, body };
  }
}

/** Sample data, plus editor-a (of orgA), editor-b (of orgB) and admin, all with PASSWORD. */
export async function startWriteServer(
  count = 400,
  options: Partial<AppOptions> = {},
  dbPath?: string,
): Promise<WriteServer> {
  const dir = tempDir();
  const entries = generateEntries(count, 3);
  dbPath ??= join(dir, 'test.db');
  writeDatabase(entries, dbPath);
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.organization, (counts.get(e.organization) ?? 0) + 1);
  const [orgA, orgB] = [...counts].sort((a, b) => b[1] - a[1]).map(([org]) => org);
  const db = openWritable(dbPath);
  for (const org of [orgA, orgB]) addOrganization(db, org);
  createAccount(db, 'editor-a', 'editor');
  addMembership(db, 'editor-a', orgA);
  createAccount(db, 'editor-b', 'editor');
  addMembership(db, 'editor-b', orgB);
  createAccount(db, 'admin', 'admin');
  for (const name of ['editor-a', 'editor-b', 'admin']) await setPassword(db, name, PASSWORD);
  const tokens = {
    editorA: (await issueToken(db, 'editor-a', 'test script')).token,
    admin: (await issueToken(db, 'admin', 'test script')).token,
  };
  db.close();
  const app = buildApp({ dbPath, ...options });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    base,
    dir,
    dbPath,
    entries,
    orgA,
    orgB,
    tokens,
    entryOf: (org, skip = 0) => entries.filter((e) => e.organization === org)[skip],
    async signIn(account, password = PASSWORD) {
      const res = await new Client(base).call('POST', '/session', { body: { account, password } });
      if (res.status !== 200) throw new Error(`sign-in ${account}: ${res.status} ${JSON.stringify(res.body)}`);
      const cookie = res.headers.getSetCookie()[0].split(';')[0];
      return new Client(base, cookie, res.body.csrfToken);
    },
    async close() {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A valid new entry of `organization` (without `updated`, which the server sets). */
export function newEntry(id: string, organization: string, overrides: Partial<Entry> = {}): Partial<Entry> {
  return {
    id,
    title: `New project ${id}`,
    description: 'Plain text.',
    organization,
    entityType: 'government',
    countries: ['KE'],
    actionLines: ['C2'],
    sdgs: [9],
    status: 'ongoing',
    startYear: 2024,
    endYear: null,
    ...overrides,
  };
}

/** The entry as a client edits it: everything but the server-set `updated`. */
export function editable(entry: Entry): Partial<Entry> {
  const { updated: _updated, ...rest } = entry;
  return rest;
}

export interface Replica {
  base: string;
  stop(): Promise<void>;
}

/** A read copy of `dbPath` in its own process (server/replica.ts), polling every `pollMs`. */
export async function spawnReplica(dbPath: string, pollMs: number): Promise<Replica> {
  const script = fileURLToPath(new URL('../../server/replica.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, dbPath, String(pollMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      const found = /read copy: (http:\/\/\S+?)\//.exec(out);
      if (found) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`read copy exited (${code})`)));
  });
  return {
    base,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
