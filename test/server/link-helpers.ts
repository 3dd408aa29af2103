/** Shared setup for the link checker's tests: databases with chosen websites, and reading the results. */
import { join } from 'node:path';
import { createServer } from 'node:net';
import { generateEntries } from '../../scripts/sample/generate.js';
import { stubLookup } from '../../scripts/link-sites.js';
import { writeDatabase } from '../../server/db.js';
import type { ProbeOptions } from '../../server/links/probe.js';
import { openLinkStore, readLinks, type LinkRow } from '../../server/links/store.js';

/** Short timeouts and the stub resolver: nothing leaves 127.0.0.1. */
export const FAST: Partial<ProbeOptions> = { lookup: stubLookup, responseTimeoutMs: 2500, connectTimeoutMs: 2500 };

let count = 0;

/** A database in `dir` whose entries have these websites, in this order (undefined: no website). */
export function linkDatabase(dir: string, websites: (string | undefined)[]): { dbPath: string; ids: string[] } {
  const entries = generateEntries(websites.length, 5).map((e, i) => {
    const { website: _, ...rest } = e;
    return websites[i] === undefined ? rest : { ...rest, website: websites[i] };
  });
  const dbPath = join(dir, `links-${++count}.db`);
  writeDatabase(entries, dbPath);
  return { dbPath, ids: entries.map((e) => e.id) };
}

/** Stored results by website. */
export function storedLinks(dbPath: string): Map<string, LinkRow> {
  const db = openLinkStore(dbPath);
  try {
    return new Map(readLinks(db).map((row) => [row.url, row]));
  } finally {
    db.close();
  }
}

/** A port nothing listens on: connections are refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
