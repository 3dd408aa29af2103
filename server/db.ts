/** The database file: schema, atomic building and opening for reads. */
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Entry } from '../src/data/entry.js';
import { compareEntries } from '../src/data/query.js';
import { indexTerms } from '../src/data/text/tokenize.js';

/** 2: the FTS5 table holds the shared tokenizer's terms, not the raw text. */
export const SCHEMA_VERSION = '2';

// Column order fixes the bm25 weights below: title, organization, description. The columns hold the
// shared tokenizer's terms (src/data/text/tokenize.ts) separated by spaces, so unicode61 only splits
// at spaces: it would keep a run of Chinese as one token. Marks stay inside tokens (Thai vowels).
const SCHEMA = `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  -- meta is the entry without its description: all a server loads into memory at start.
  CREATE TABLE entries (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, json TEXT NOT NULL, meta TEXT NOT NULL);
  CREATE VIRTUAL TABLE fts USING fts5(
    title, organization, description,
    content = '',
    tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
  );
  CREATE VIRTUAL TABLE fts_vocab USING fts5vocab(fts, 'row');
`;

/** Ranking: a title hit counts most, then organization, then description. */
export const RANK = 'bm25(fts, 10.0, 3.0, 1.0)';

type SortKey = Pick<Entry, 'id' | 'startYear' | 'updated'> & { seq: number };

/**
 * Builds a database file from entries added one at a time, holding only their sort keys in memory:
 * the entries wait in a staging file until `commit` writes them in order to a new file next to
 * `dbPath` and renames it into place. Readers and failed builds never see a half-written database.
 */
export class DatabaseBuilder {
  readonly #dbPath: string;
  readonly #tmp: string;
  readonly #staging: Database.Database;
  readonly #stage: Database.Statement;
  readonly #keys: SortKey[] = [];
  #done = false;

  constructor(dbPath: string) {
    this.#dbPath = dbPath;
    mkdirSync(dirname(dbPath), { recursive: true });
    this.#tmp = join(dirname(dbPath), `.${basename(dbPath)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    this.#staging = new Database(`${this.#tmp}.staging`);
    this.#staging.pragma('journal_mode = OFF');
    this.#staging.pragma('synchronous = OFF');
    this.#staging.exec('CREATE TABLE staged (seq INTEGER PRIMARY KEY, json TEXT NOT NULL); BEGIN');
    this.#stage = this.#staging.prepare('INSERT INTO staged (seq, json) VALUES (?, ?)');
  }

  get count(): number {
    return this.#keys.length;
  }

  add(entry: Entry): void {
    const seq = this.#keys.length + 1;
    this.#stage.run(seq, JSON.stringify(entry));
    this.#keys.push({ seq, id: entry.id, startYear: entry.startYear, updated: entry.updated });
  }

  /** Writes the database and renames it over `dbPath`. */
  commit(): void {
    this.#staging.exec('COMMIT');
    try {
      const db = new Database(this.#tmp);
      try {
        db.pragma('journal_mode = OFF');
        db.exec(SCHEMA);
        const staged = this.#staging.prepare('SELECT json FROM staged WHERE seq = ?').pluck();
        const putEntry = db.prepare('INSERT INTO entries (rowid, id, json, meta) VALUES (?, ?, ?, ?)');
        const putText = textWriter(db);
        const putMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
        // Rowids follow the newest order, so rowid breaks relevance ties the same way.
        const newest = compareEntries('newest') as unknown as (a: SortKey, b: SortKey) => number;
        this.#keys.sort(newest);
        db.transaction(() => {
          this.#keys.forEach(({ seq }, i) => {
            const json = staged.get(seq) as string;
            const e = JSON.parse(json) as Entry;
            putEntry.run(i + 1, e.id, json, JSON.stringify({ ...e, description: '' }));
            putText(i + 1, e);
          });
          putMeta.run('schema_version', SCHEMA_VERSION);
          putMeta.run('entries', String(this.#keys.length));
        })();
        db.exec(`INSERT INTO fts (fts) VALUES ('optimize')`);
        db.pragma('journal_mode = DELETE');
      } finally {
        db.close();
      }
      renameSync(this.#tmp, this.#dbPath);
    } finally {
      this.abort();
    }
  }

  /** Drops everything written so far; `dbPath` is left as it was. Safe to call twice. */
  abort(): void {
    if (this.#done) return;
    this.#done = true;
    this.#staging.close();
    rmSync(`${this.#tmp}.staging`, { force: true });
    rmSync(this.#tmp, { force: true });
  }
}

/** Writes entries to a new database at `dbPath` (see DatabaseBuilder). */
export function writeDatabase(entries: readonly Entry[], dbPath: string): void {
  const builder = new DatabaseBuilder(dbPath);
  try {
    for (const entry of entries) builder.add(entry);
    builder.commit();
  } finally {
    builder.abort();
  }
}

/** Writes one entry's index terms into the FTS5 table under `rowid`. */
export function textWriter(db: Database.Database): (rowid: number, entry: Entry) => void {
  const put = db.prepare('INSERT INTO fts (rowid, title, organization, description) VALUES (?, ?, ?, ?)');
  const terms = (text: string) => indexTerms(text).join(' ');
  return (rowid, e) => put.run(rowid, terms(e.title), terms(e.organization), terms(e.description));
}

/** Opens a database for serving; it is never written to. */
export function openReadOnly(dbPath: string): Database.Database {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  let version: string | undefined;
  try {
    version = (db.prepare(`SELECT value FROM meta WHERE key = 'schema_version'`).get() as { value: string } | undefined)
      ?.value;
  } catch {
    // Not one of ours (or not SQLite at all): reported below.
  }
  if (version !== SCHEMA_VERSION) {
    db.close();
    throw new Error(
      `${dbPath} is not a stocktaking database (schema ${SCHEMA_VERSION}); rebuild it with npm run import`,
    );
  }
  return db;
}
