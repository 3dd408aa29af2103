/** Listing entries for editing: by organization, archived or not, archived ones included. */
import type Database from 'better-sqlite3';
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
  const rows = db
    .prepare(
      `SELECT e.rowid, e.json, e.archived, e.revision, r.at, r.account FROM entries e
       LEFT JOIN revisions r ON r.revision = e.revision ${filter} ORDER BY e.id LIMIT ? OFFSET ?`,
    )
    .all(...args, q.pageSize, (q.page - 1) * q.pageSize) as Parameters<typeof toState>[0][];
  return { total, items: rows.map(toState) };
}
