/**
 * An import into an existing database: accounts and history are kept, and each imported entry
 * becomes an `import` revision by the account that ran the import, all in one transaction, so
 * running servers pick it up like any write.
 */
import type { Entry } from '../../src/data/entry.js';
import { openWritable } from '../db.js';
import { AccountError, findAccount } from './accounts.js';
import { applyRevision } from './revisions.js';
import { SYSTEM_ACCOUNT } from './schema.js';

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export function importRevisions(entries: Iterable<Entry>, dbPath: string, account = SYSTEM_ACCOUNT): ImportCounts {
  const db = openWritable(dbPath);
  try {
    if (account !== SYSTEM_ACCOUNT && !findAccount(db, account)) throw new AccountError(`No account ${account}`);
    const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
    const at = new Date();
    const exists = db.prepare<[string]>('SELECT 1 FROM entries WHERE id = ?').pluck();
    db.transaction(() => {
      for (const entry of entries) {
        const existed = exists.get(entry.id) !== undefined;
        const { changed } = applyRevision(db, account, entry.id, { action: 'import', entry }, { at });
        counts[!changed ? 'unchanged' : existed ? 'updated' : 'created']++;
      }
    })();
    return counts;
  } finally {
    db.close();
  }
}
