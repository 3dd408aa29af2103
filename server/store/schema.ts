/**
 * Schema 3: what writing needs on top of the search tables (schema 2). Accounts, organizations,
 * credentials, sessions, and the append-only revision log that every entry change goes into.
 */
import type Database from 'better-sqlite3';

/** The account recorded for revisions made by no account (data that predates accounts, plain imports). */
export const SYSTEM_ACCOUNT = 'system';

const TABLES = `
  CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('editor', 'admin')),
    created_at TEXT NOT NULL,
    disabled_at TEXT
  );
  CREATE TABLE organizations (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);
  CREATE TABLE memberships (
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    organization_id INTEGER NOT NULL REFERENCES organizations (id),
    PRIMARY KEY (account_id, organization_id)
  );
  -- hash: scrypt of the password or token; the secret itself is never stored.
  CREATE TABLE credentials (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    kind TEXT NOT NULL CHECK (kind IN ('password', 'token')),
    label TEXT NOT NULL DEFAULT '',
    hash TEXT NOT NULL,
    demo INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    revoked_at TEXT
  );
  -- id: SHA-256 of the cookie value, so a copy of the database opens no session. Times in ms.
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    credential_id INTEGER NOT NULL REFERENCES credentials (id),
    csrf TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER
  );
  -- entry: the full values after the revision; the previous values are the revision before it.
  CREATE TABLE revisions (
    revision INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_id TEXT NOT NULL,
    account TEXT NOT NULL,
    at TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('create', 'update', 'archive', 'restore', 'import')),
    archived INTEGER NOT NULL,
    entry TEXT NOT NULL
  );
  CREATE INDEX revisions_by_entry ON revisions (entry_id, revision);
  CREATE TRIGGER revisions_never_change BEFORE UPDATE ON revisions
    BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
  CREATE TRIGGER revisions_never_go BEFORE DELETE ON revisions
    BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
`;

/**
 * Brings a schema-2 database to schema 3 in one transaction: the tables above, entry state
 * columns, and one `import` revision per existing entry so the log replays to the current data.
 */
export function upgradeToWritable(db: Database.Database, account = SYSTEM_ACCOUNT, at = new Date()): void {
  db.transaction(() => {
    db.exec(TABLES);
    db.exec(`ALTER TABLE entries ADD COLUMN archived INTEGER NOT NULL DEFAULT 0`);
    db.exec(`ALTER TABLE entries ADD COLUMN revision INTEGER NOT NULL DEFAULT 0`);
    // Readers load only the rows changed since their snapshot (server/incremental.ts).
    db.exec(`CREATE INDEX entries_by_revision ON entries (revision)`);
    db.prepare(
      `INSERT INTO revisions (entry_id, account, at, action, archived, entry)
       SELECT id, ?, ?, 'import', 0, json FROM entries ORDER BY rowid`,
    ).run(account, at.toISOString());
    db.exec(`UPDATE entries SET revision = (SELECT max(revision) FROM revisions r WHERE r.entry_id = entries.id)`);
    db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', '3')`).run();
  })();
}
