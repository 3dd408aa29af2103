/** Listing entries for editing: by organization, archived or not, archived ones included. */
import type Database from 'better-sqlite3';
import type { LinkStatus } from '../links/classify.js';
import { setLink, shownLink } from '../links/public.js';
import { toState, type ManagedState } from './revisions.js';

export interface ListQuery {
  /** Only these organizations; undefined = every entry. */
  organizations?: readonly string[];
  archived?: boolean;
  page: number;
  pageSize: number;
}

export function listManaged(db: Database.Database, q: ListQuery): { total: number; items: ManagedState[] } {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (q.organizations) {
    where.push(`json_extract(e.meta, '$.organization') IN (SELECT value FROM json_each(?))`);
    args.push(JSON.stringify(q.organizations));
  }
  if (q.archived !== undefined) {
    where.push('e.archived = ?');
    args.push(q.archived ? 1 : 0);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = db
    .prepare(`SELECT count(*) FROM entries e ${filter}`)
    .pluck()
    .get(...args) as number;
  // With link results: broken websites first, then permanently redirected ones, for their editors to fix.
  const links = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'links'`).get() !== undefined;
  const rows = db
    .prepare(
      `SELECT e.rowid, e.json, e.archived, e.revision, r.at, r.account${links ? ', l.status, l.checked, l.proposed_url AS proposedUrl' : ''}
       FROM entries e LEFT JOIN revisions r ON r.revision = e.revision
       ${links ? `LEFT JOIN links l ON l.id = e.id AND l.url = json_extract(e.meta, '$.website')` : ''}
       ${filter}
       ORDER BY ${links ? `CASE l.status WHEN 'broken' THEN 0 WHEN 'redirected' THEN 1 ELSE 2 END, ` : ''}e.id
       LIMIT ? OFFSET ?`,
    )
    .all(...args, q.pageSize, (q.page - 1) * q.pageSize) as (Parameters<typeof toState>[0] & LinkColumns)[];
  return {
    total,
    items: rows.map((row) => {
      const state = toState(row);
      setLink(state.entry, row.status ? shownLink(row.status, row.checked!, row.proposedUrl ?? null) : undefined);
      return state;
    }),
  };
}

interface LinkColumns {
  status?: LinkStatus | null;
  checked?: string | null;
  proposedUrl?: string | null;
}
