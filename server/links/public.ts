/** What the API shows of the link checks: each entry's `link`, from the result for its current website. */
import type Database from 'better-sqlite3';
import type { Entry } from '../../src/data/entry.js';

export type EntryLink = NonNullable<Entry['link']>;

/** The link as entries show it: `finalUrl` only for a permanent redirect. */
export function shownLink(status: EntryLink['status'], checked: string, proposedUrl: string | null): EntryLink {
  return { status, checked, ...(status === 'redirected' && proposedUrl ? { finalUrl: proposedUrl } : {}) };
}

/**
 * Results by entry id. A result for an older website is left out, and so is everything in a database the
 * checker has never run on (no links table). `finalUrl` is given for permanent redirects only.
 */
export function loadEntryLinks(db: Database.Database): Map<string, EntryLink> {
  const links = new Map<string, EntryLink>();
  const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'links'`).get();
  if (!table) return links;
  const rows = db
    .prepare(
      `SELECT l.id, l.status, l.checked, l.proposed_url AS proposedUrl
       FROM links l JOIN entries e ON e.id = l.id
       WHERE l.url = json_extract(e.meta, '$.website')`,
    )
    .all() as { id: string; status: EntryLink['status']; checked: string; proposedUrl: string | null }[];
  for (const { id, status, checked, proposedUrl } of rows) links.set(id, shownLink(status, checked, proposedUrl));
  return links;
}

/**
 * The entry with its current `link` and no other: a stored `link` (an imported one, or one a checker revision
 * wrote for a website the entry has since changed) is never shown.
 */
export function setLink(entry: Entry, link: EntryLink | undefined): Entry {
  if (link) entry.link = link;
  else delete entry.link;
  return entry;
}

/** The entry's JSON text with its current `link` (see setLink). */
export function withLink(json: string, link: EntryLink | undefined): string {
  if (!link && !json.includes('"link"')) return json;
  return JSON.stringify(setLink(JSON.parse(json) as Entry, link));
}
