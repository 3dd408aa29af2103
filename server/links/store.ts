/**
 * Link results beside the entries, in the same SQLite file, and the runs that produced them.
 * Entries change only through applyRevision (recordChecks), for results that change what an entry shows.
 */
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from '../db.js';
import type { Entry } from '../../src/data/entry.js';
import { applyRevision } from '../store/revisions.js';
import type { LinkStatus, Verdict } from './classify.js';
import { shownLink } from './public.js';

/** The author of the revisions the checker records, when no `--as ACCOUNT` is given. */
export const LINK_CHECKER_ACCOUNT = 'link-checker';

export const LINKS_SCHEMA = `
  -- One row per entry whose website was checked; id is the entry's id, url the website as checked.
  CREATE TABLE IF NOT EXISTS links (
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    status TEXT NOT NULL,
    code INTEGER,
    final_url TEXT NOT NULL,
    proposed_url TEXT,
    checked TEXT NOT NULL,
    failures INTEGER NOT NULL,
    detail TEXT NOT NULL,
    run INTEGER NOT NULL
  );
  -- A run checks every website last checked before its cutoff; an unfinished one is resumed.
  CREATE TABLE IF NOT EXISTS link_runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    cutoff TEXT NOT NULL,
    finished TEXT
  );
`;

export interface Run {
  id: number;
  started: string;
  cutoff: string;
  resumed: boolean;
}

export interface DueLink {
  id: string;
  website: string;
  /** Consecutive failed runs so far, for the same URL. */
  failures: number;
}

/** One finished check, as stored. */
export interface CheckRecord {
  id: string;
  url: string;
  verdict: Verdict;
  checked: string;
}

export interface LinkRow {
  id: string;
  url: string;
  status: LinkStatus;
  code: number | null;
  finalUrl: string;
  proposedUrl: string | null;
  checked: string;
  failures: number;
  detail: string;
  run: number;
}

/** Opens a stocktaking database for writing link results; refuses anything else. */
export function openLinkStore(dbPath: string): Database.Database {
  const db = new Database(dbPath, { fileMustExist: true, timeout: 10_000 });
  let version: string | undefined;
  try {
    version = (db.prepare(`SELECT value FROM meta WHERE key = 'schema_version'`).get() as { value: string } | undefined)
      ?.value;
  } catch {
    // Not one of ours: reported below.
  }
  if (version !== SCHEMA_VERSION) {
    db.close();
    throw new Error(`${dbPath} is not a stocktaking database (schema ${SCHEMA_VERSION}); build it with npm run import`);
  }
  db.exec(LINKS_SCHEMA);
  return db;
}

/**
 * Continues the last run if it did not finish; otherwise starts one that checks every website last checked
 * before `now - olderThanMs` (0: all of them).
 */
export function startRun(db: Database.Database, now: Date, olderThanMs = 0, fresh = false): Run {
  const open = db.prepare('SELECT id, started, cutoff FROM link_runs WHERE finished IS NULL ORDER BY id DESC').get() as
    Omit<Run, 'resumed'> | undefined;
  if (open && !fresh) return { ...open, resumed: true };
  const started = now.toISOString();
  const cutoff = new Date(now.getTime() - olderThanMs).toISOString();
  db.transaction(() => {
    // A fresh start abandons an unfinished run: it stays on record as finished where it stopped.
    db.prepare('UPDATE link_runs SET finished = ? WHERE finished IS NULL').run(started);
    db.prepare('INSERT INTO link_runs (started, cutoff) VALUES (?, ?)').run(started, cutoff);
  })();
  const id = (db.prepare('SELECT max(id) AS id FROM link_runs').get() as { id: number }).id;
  return { id, started, cutoff, resumed: false };
}

/** Websites the run has yet to check, in database order. */
export function dueLinks(db: Database.Database, run: Run): DueLink[] {
  return db
    .prepare(
      `SELECT e.id, json_extract(e.meta, '$.website') AS website,
         CASE WHEN l.url = json_extract(e.meta, '$.website') THEN l.failures ELSE 0 END AS failures
       FROM entries e LEFT JOIN links l ON l.id = e.id
       WHERE website IS NOT NULL
         AND (l.id IS NULL OR l.url <> website OR (l.run <> @run AND l.checked < @cutoff))
       ORDER BY e.rowid`,
    )
    .all({ run: run.id, cutoff: run.cutoff }) as DueLink[];
}

/** Websites this run has checked already. */
export function checkedInRun(db: Database.Database, run: Run): number {
  return (db.prepare('SELECT count(*) AS n FROM links WHERE run = ?').get(run.id) as { n: number }).n;
}

/**
 * The one place results are written, one transaction per batch. The links table keeps every result (dueLinks
 * and the report read it). A result that changes what the entry shows (its status, or the proposed URL of a
 * redirect) is also a revision by `account` through applyRevision, the single update path: it gets an audit
 * line, and the data version moves so running servers show it. A re-check with the same outcome writes no
 * revision, nor does a first result of "ok" (an unchecked website was already shown as working): a monthly
 * run over 20,000 websites adds history only where something happened.
 */
export function recordChecks(
  db: Database.Database,
  run: Run,
  records: readonly CheckRecord[],
  account = LINK_CHECKER_ACCOUNT,
): void {
  const put = db.prepare(
    `INSERT OR REPLACE INTO links (id, url, status, code, final_url, proposed_url, checked, failures, detail, run)
     VALUES (@id, @url, @status, @code, @finalUrl, @proposedUrl, @checked, @failures, @detail, @run)`,
  );
  const shown = db.prepare<[string], { status: LinkStatus; proposedUrl: string | null; current: number }>(
    `SELECT l.status, l.proposed_url AS proposedUrl, l.url = json_extract(e.meta, '$.website') AS current
     FROM links l JOIN entries e ON e.id = l.id WHERE l.id = ?`,
  );
  const entryOf = db.prepare<[string], string>('SELECT json FROM entries WHERE id = ?').pluck();
  const website = db
    .prepare<[string], string | null>(`SELECT json_extract(meta, '$.website') FROM entries WHERE id = ?`)
    .pluck();
  db.transaction(() => {
    for (const { id, url, verdict, checked } of records) {
      const { status, code, finalUrl, proposedUrl, failures, detail } = verdict;
      const before = shown.get(id);
      put.run({ id, url, status, code, finalUrl, proposedUrl, checked, failures, detail, run: run.id });
      // A result for a website the entry no longer has changes nothing it shows.
      if (website.get(id) !== url) continue;
      const was = before?.current ? before : { status: 'ok' as LinkStatus, proposedUrl: null };
      const proposed = (s: LinkStatus, p: string | null) => (s === 'redirected' ? p : null);
      if (was.status === status && proposed(was.status, was.proposedUrl) === proposed(status, proposedUrl)) continue;
      const json = entryOf.get(id);
      if (json === undefined) continue;
      const entry = { ...(JSON.parse(json) as Entry), link: shownLink(status, checked, proposedUrl) };
      applyRevision(db, account, id, { action: 'update', entry }, { at: new Date(checked) });
    }
  })();
}

/** Marks the run done and forgets results of entries that no longer have that website. */
export function finishRun(db: Database.Database, run: Run, now: Date): void {
  db.transaction(() => {
    db.prepare(
      `DELETE FROM links WHERE id NOT IN (
         SELECT id FROM entries WHERE json_extract(meta, '$.website') IS NOT NULL
       )`,
    ).run();
    db.prepare('UPDATE link_runs SET finished = ? WHERE id = ?').run(now.toISOString(), run.id);
  })();
}

/** Every stored result, for reports and tests. */
export function readLinks(db: Database.Database): LinkRow[] {
  return db
    .prepare(
      `SELECT id, url, status, code, final_url AS finalUrl, proposed_url AS proposedUrl, checked, failures, detail, run
       FROM links ORDER BY id`,
    )
    .all() as LinkRow[];
}
