/**
 * The one way entry data changes: every create, update, archive, restore and import is a
 * revision, written in the same transaction as the entry, its search text and the log.
 * The HTTP write API, the importer and any other writer call `applyRevision`.
 */
import type Database from 'better-sqlite3';
import type { Entry } from '../../src/data/entry.js';
import { ftsText as terms } from '../db.js';

export type Action = 'create' | 'update' | 'archive' | 'restore' | 'import';

export type Change =
  | { action: 'create' | 'update'; entry: Entry }
  /** Creates the entry or, when its values differ, updates it; the archived state stays. */
  | { action: 'import'; entry: Entry }
  | { action: 'archive' }
  /** Shows an archived entry again; with `revision`, also brings back that revision's values. */
  | { action: 'restore'; revision?: number };

export interface Guard {
  /** The entry's revision the writer last saw; anything else is refused. */
  ifRevision?: number;
  /**
   * Called inside the transaction with the stored values (if any) and the values about to be
   * written (if any). Throws a StoreError to refuse; the check and the write see the same data.
   */
  authorize?: (current: Entry | undefined, next: Entry | undefined) => void;
  at?: Date;
}

export interface ManagedState {
  entry: Entry;
  archived: boolean;
  revision: number;
  etag: string;
  updatedAt: string;
  updatedBy: string;
}

export interface RevisionRecord {
  revision: number;
  action: Action;
  account: string;
  at: string;
  archived: boolean;
  entry: Entry;
  previous: Entry | null;
}

export type StoreErrorCode = 'not_found' | 'conflict' | 'precondition_failed' | 'forbidden' | 'invalid_parameter';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    /** For precondition failures: the entry's current revision. */
    readonly revision?: number,
  ) {
    super(message);
  }
}

/** The entry's ETag: its latest revision number, as a strong tag. */
export const etagOf = (revision: number): string => `"${revision}"`;

/** Parses an `If-Match` value into a revision; undefined when it names none (including `*`). */
export function revisionOfTag(tag: string): number | undefined {
  const match = /^\s*"(\d{1,15})"\s*$/.exec(tag);
  return match ? Number(match[1]) : undefined;
}

interface Row {
  rowid: number;
  json: string;
  archived: number;
  revision: number;
}

const statements = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function prepare(db: Database.Database) {
  return {
    row: db.prepare<[string], Row>('SELECT rowid, json, archived, revision FROM entries WHERE id = ?'),
    insert: db.prepare<[string, string, string, number, number]>(
      'INSERT INTO entries (id, json, meta, archived, revision) VALUES (?, ?, ?, ?, ?)',
    ),
    update: db.prepare<[string, string, number, number, number]>(
      'UPDATE entries SET json = ?, meta = ?, archived = ?, revision = ? WHERE rowid = ?',
    ),
    textIn: db.prepare<[number, string, string, string]>(
      'INSERT INTO fts (rowid, title, organization, description) VALUES (?, ?, ?, ?)',
    ),
    // A contentless FTS5 table forgets a row only when told the values it indexed.
    textOut: db.prepare<[number, string, string, string]>(
      `INSERT INTO fts (fts, rowid, title, organization, description) VALUES ('delete', ?, ?, ?, ?)`,
    ),
    log: db.prepare<[string, string, string, Action, number, string]>(
      'INSERT INTO revisions (entry_id, account, at, action, archived, entry) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    revisionOf: db.prepare<[number, string], { entry: string }>(
      'SELECT entry FROM revisions WHERE revision = ? AND entry_id = ?',
    ),
    state: db.prepare<[string], Row & { at: string | null; account: string | null }>(
      `SELECT e.rowid, e.json, e.archived, e.revision, r.at, r.account
       FROM entries e LEFT JOIN revisions r ON r.revision = e.revision WHERE e.id = ?`,
    ),
    history: db.prepare<
      [string],
      { revision: number; action: Action; account: string; at: string; archived: number; entry: string }
    >('SELECT revision, action, account, at, archived, entry FROM revisions WHERE entry_id = ? ORDER BY revision'),
    version: db.prepare<[], number | null>('SELECT max(revision) FROM revisions').pluck(),
  };
}

function stmts(db: Database.Database) {
  let s = statements.get(db);
  if (!s) statements.set(db, (s = prepare(db)));
  return s;
}

const metaOf = (entry: Entry) => JSON.stringify({ ...entry, description: '' });

/** The latest revision number in the database: the data version readers poll. */
export function dataVersion(db: Database.Database): number {
  return stmts(db).version.get() ?? 0;
}

export interface Applied {
  state: ManagedState;
  /** False when the change was already in effect; nothing was recorded. */
  changed: boolean;
}

/**
 * Applies one change to one entry as `account`, atomically: the entry row, its search text
 * and the revision log change together or not at all.
 */
export function applyRevision(
  db: Database.Database,
  account: string,
  entryId: string,
  change: Change,
  guard: Guard = {},
): Applied {
  const s = stmts(db);
  const at = (guard.at ?? new Date()).toISOString();
  const run = db.transaction((): boolean => {
    const row = s.row.get(entryId);
    const current = row ? (JSON.parse(row.json) as Entry) : undefined;
    const authorize = (next: Entry | undefined) => guard.authorize?.(current, next);
    if (change.action === 'create') {
      authorize(change.entry);
      if (row) throw new StoreError('conflict', `An entry with id ${JSON.stringify(entryId)} exists`);
      return insert(change.entry, 'create');
    }
    if (change.action === 'import' && !row) {
      authorize(change.entry);
      return insert(change.entry, 'import');
    }
    if (!row || !current) throw new StoreError('not_found', `No entry with id ${JSON.stringify(entryId)}`);
    if (guard.ifRevision !== undefined && guard.ifRevision !== row.revision)
      throw new StoreError('precondition_failed', 'The entry changed since it was loaded', row.revision);
    const archived = row.archived === 1;
    switch (change.action) {
      case 'update':
      case 'import': {
        authorize(change.entry);
        const json = JSON.stringify(change.entry);
        return json !== row.json && write(row, current, change.entry, json, archived, change.action);
      }
      case 'archive':
        authorize(current);
        return !archived && write(row, current, current, row.json, true, 'archive');
      case 'restore': {
        if (change.revision === undefined) {
          authorize(current);
          return archived && write(row, current, current, row.json, false, 'restore');
        }
        const old = s.revisionOf.get(change.revision, entryId);
        if (!old) throw new StoreError('invalid_parameter', `Entry ${entryId} has no revision ${change.revision}`);
        const values = JSON.parse(old.entry) as Entry;
        authorize(values);
        return (archived || old.entry !== row.json) && write(row, current, values, old.entry, false, 'restore');
      }
    }
  });

  function insert(entry: Entry, action: Action): boolean {
    const json = JSON.stringify(entry);
    const revision = Number(s.log.run(entryId, account, at, action, 0, json).lastInsertRowid);
    const rowid = Number(s.insert.run(entryId, json, metaOf(entry), 0, revision).lastInsertRowid);
    s.textIn.run(rowid, terms(entry.title), terms(entry.organization), terms(entry.description));
    return true;
  }

  function write(row: Row, before: Entry, after: Entry, json: string, archived: boolean, action: Action): boolean {
    const revision = Number(s.log.run(entryId, account, at, action, archived ? 1 : 0, json).lastInsertRowid);
    s.update.run(json, metaOf(after), archived ? 1 : 0, revision, row.rowid);
    if (row.archived === 0)
      s.textOut.run(row.rowid, terms(before.title), terms(before.organization), terms(before.description));
    if (!archived) s.textIn.run(row.rowid, terms(after.title), terms(after.organization), terms(after.description));
    return true;
  }

  const changed = run.immediate();
  return { state: managedState(db, entryId)!, changed };
}

/** The stored entry with its state, archived or not. */
export function managedState(db: Database.Database, entryId: string): ManagedState | undefined {
  const row = stmts(db).state.get(entryId);
  return row && toState(row);
}

export function toState(row: Row & { at: string | null; account: string | null }): ManagedState {
  return {
    entry: JSON.parse(row.json) as Entry,
    archived: row.archived === 1,
    revision: row.revision,
    etag: etagOf(row.revision),
    updatedAt: row.at ?? '',
    updatedBy: row.account ?? '',
  };
}

/** Every revision of the entry, newest first, each with the values before it. */
export function revisionsOf(db: Database.Database, entryId: string): RevisionRecord[] {
  let previous: Entry | null = null;
  const out: RevisionRecord[] = [];
  for (const r of stmts(db).history.iterate(entryId)) {
    const entry = JSON.parse(r.entry) as Entry;
    out.push({
      revision: r.revision,
      action: r.action,
      account: r.account,
      at: r.at,
      archived: r.archived === 1,
      entry,
      previous,
    });
    previous = entry;
  }
  return out.reverse();
}
