/** The database file: schema, atomic building, and opening for reads or for the one writer. */
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Entry } from '../src/data/entry.js';
import { compareEntries } from '../src/data/evaluate.js';
import { indexTerms } from '../src/data/text/tokenize.js';
import { SYSTEM_ACCOUNT, upgradeToWritable } from './store/schema.js';

/**
 * 2: the FTS5 table holds the shared tokenizer's terms, not the raw text.
 * 3: adds accounts and the revision log (server/store/schema.ts); a 2 is upgraded in place.
 */
export const SCHEMA_VERSION = '3';
/** The search tables alone, as the build writes them before the upgrade. */
const SEARCH_SCHEMA = '2';

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
 * Each entry gets an `import` revision by `account`.
 */
export class DatabaseBuilder {
  readonly #dbPath: string;
  readonly #tmp: string;
  readonly #staging: Database.Database;
  readonly #stage: Database.Statement;
  readonly #keys: SortKey[] = [];
  #done = false;

  constructor(
    dbPath: string,
    private readonly account = SYSTEM_ACCOUNT,
  ) {
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

  /** The staged entries in the order they were added, for an import into an existing database. */
  *entries(): Generator<Entry> {
    for (const json of this.#staging.prepare('SELECT json FROM staged ORDER BY seq').pluck().iterate())
      yield JSON.parse(json as string) as Entry;
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
          putMeta.run('schema_version', SEARCH_SCHEMA);
          putMeta.run('entries', String(this.#keys.length));
        })();
        upgradeToWritable(db, this.account);
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
export function writeDatabase(entries: readonly Entry[], dbPath: string, account = SYSTEM_ACCOUNT): void {
  const builder = new DatabaseBuilder(dbPath, account);
  try {
    for (const entry of entries) builder.add(entry);
    builder.commit();
  } finally {
    builder.abort();
  }
}

/** Writes one entry's index terms into the FTS5 table under `rowid`. */
/** A field as the FTS5 table holds it: the shared tokenizer's terms, space-separated. */
export const ftsText = (text: string): string => indexTerms(text).join(' ');

export function textWriter(db: Database.Database): (rowid: number, entry: Entry) => void {
  const put = db.prepare('INSERT INTO fts (rowid, title, organization, description) VALUES (?, ?, ?, ?)');
  const terms = ftsText;
  return (rowid, e) => put.run(rowid, terms(e.title), terms(e.organization), terms(e.description));
}

function schemaVersion(db: Database.Database): string | undefined {
  try {
    return (db.prepare(`SELECT value FROM meta WHERE key = 'schema_version'`).get() as { value: string } | undefined)
      ?.value;
  } catch {
    return undefined; // Not one of ours (or not SQLite at all).
  }
}

function notOurs(db: Database.Database, dbPath: string): Error {
  db.close();
  return new Error(
    `${dbPath} is not a stocktaking database (schema ${SCHEMA_VERSION}); rebuild it with npm run import`,
  );
}

/** Opens a database for serving reads; this connection never writes. */
export function openReadOnly(dbPath: string): Database.Database {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  if (schemaVersion(db) !== SCHEMA_VERSION) throw notOurs(db, dbPath);
  return db;
}

/**
 * Opens the database for the one writing process: WAL, so readers keep reading while it
 * writes, and a schema-2 file is upgraded in place (its entries become `import` revisions).
 */
export function openWritable(dbPath: string): Database.Database {
  const db = new Database(dbPath, { fileMustExist: true });
  const version = schemaVersion(db);
  if (version !== SEARCH_SCHEMA && version !== SCHEMA_VERSION) throw notOurs(db, dbPath);
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  if (version === SEARCH_SCHEMA) upgradeToWritable(db);
  return db;
}
