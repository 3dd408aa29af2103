/** Accounts, organizations, memberships and credentials (schema 2), for the admin CLI and sign-in. */
import type Database from 'better-sqlite3';

export type Role = 'editor' | 'admin';
export type CredentialKind = 'password' | 'token';

export interface Account {
  id: number;
  name: string;
  role: Role;
  disabled: boolean;
}

export interface Credential {
  id: number;
  accountId: number;
  account: string;
  kind: CredentialKind;
  label: string;
  hash: string;
  demo: boolean;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export class AccountError extends Error {}

const now = () => new Date().toISOString();

interface AccountRow {
  id: number;
  name: string;
  role: Role;
  disabled_at: string | null;
}

const toAccount = (r: AccountRow): Account => ({
  id: r.id,
  name: r.name,
  role: r.role,
  disabled: r.disabled_at !== null,
});

export function findAccount(db: Database.Database, name: string): Account | undefined {
  const row = db
    .prepare<[string], AccountRow>('SELECT id, name, role, disabled_at FROM accounts WHERE name = ?')
    .get(name);
  return row && toAccount(row);
}

export function accountById(db: Database.Database, id: number): Account | undefined {
  const row = db.prepare<[number], AccountRow>('SELECT id, name, role, disabled_at FROM accounts WHERE id = ?').get(id);
  return row && toAccount(row);
}

export function listAccounts(db: Database.Database): (Account & { organizations: string[] })[] {
  return db
    .prepare<[], AccountRow>('SELECT id, name, role, disabled_at FROM accounts ORDER BY name')
    .all()
    .map((r) => ({ ...toAccount(r), organizations: organizationsOf(db, r.id) }));
}

export function createAccount(db: Database.Database, name: string, role: Role): Account {
  if (!/^[\p{L}\p{N}._@+-]{1,200}$/u.test(name))
    throw new AccountError('An account name is 1-200 letters, digits or . _ @ + -');
  if (findAccount(db, name)) throw new AccountError(`Account ${name} exists`);
  const id = Number(
    db.prepare('INSERT INTO accounts (name, role, created_at) VALUES (?, ?, ?)').run(name, role, now()).lastInsertRowid,
  );
  return { id, name, role, disabled: false };
}

/** Disables the account: its sessions and credentials stop working at once. */
export function disableAccount(db: Database.Database, name: string): void {
  const account = mustFind(db, name);
  db.prepare('UPDATE accounts SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL').run(now(), account.id);
  db.prepare('UPDATE sessions SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL').run(
    Date.now(),
    account.id,
  );
}

export function mustFind(db: Database.Database, name: string): Account {
  const account = findAccount(db, name);
  if (!account) throw new AccountError(`No account ${name}`);
  return account;
}

export function addOrganization(db: Database.Database, name: string): void {
  if (!name || name.length > 200) throw new AccountError('An organization name is 1-200 characters');
  db.prepare('INSERT OR IGNORE INTO organizations (name, created_at) VALUES (?, ?)').run(name, now());
}

export function listOrganizations(db: Database.Database): { name: string; editors: number }[] {
  return db
    .prepare<[], { name: string; editors: number }>(
      `SELECT o.name, count(m.account_id) AS editors FROM organizations o
       LEFT JOIN memberships m ON m.organization_id = o.id GROUP BY o.id ORDER BY o.name`,
    )
    .all();
}

/** Makes `account` an editor of `organization`, which must exist. */
export function addMembership(db: Database.Database, account: string, organization: string): void {
  const a = mustFind(db, account);
  const org = db.prepare<[string], { id: number }>('SELECT id FROM organizations WHERE name = ?').get(organization);
  if (!org) throw new AccountError(`No organization ${JSON.stringify(organization)}; add it first`);
  db.prepare('INSERT OR IGNORE INTO memberships (account_id, organization_id) VALUES (?, ?)').run(a.id, org.id);
}

export function removeMembership(db: Database.Database, account: string, organization: string): void {
  const a = mustFind(db, account);
  db.prepare(
    'DELETE FROM memberships WHERE account_id = ? AND organization_id = (SELECT id FROM organizations WHERE name = ?)',
  ).run(a.id, organization);
}

export function organizationsOf(db: Database.Database, accountId: number): string[] {
  return db
    .prepare<[number], string>(
      `SELECT o.name FROM memberships m JOIN organizations o ON o.id = m.organization_id
       WHERE m.account_id = ? ORDER BY o.name`,
    )
    .pluck()
    .all(accountId);
}

interface CredentialRow {
  id: number;
  account_id: number;
  account: string;
  kind: CredentialKind;
  label: string;
  hash: string;
  demo: number;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

const CREDENTIAL_SELECT = `SELECT c.id, c.account_id, a.name AS account, c.kind, c.label, c.hash, c.demo,
  c.created_at, c.expires_at, c.revoked_at FROM credentials c JOIN accounts a ON a.id = c.account_id`;

const toCredential = (r: CredentialRow): Credential => ({
  id: r.id,
  accountId: r.account_id,
  account: r.account,
  kind: r.kind,
  label: r.label,
  hash: r.hash,
  demo: r.demo === 1,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

export function addCredential(
  db: Database.Database,
  accountId: number,
  kind: CredentialKind,
  hash: string,
  options: { label?: string; expiresAt?: Date; demo?: boolean } = {},
): number {
  return Number(
    db
      .prepare(
        'INSERT INTO credentials (account_id, kind, label, hash, demo, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        accountId,
        kind,
        options.label ?? '',
        hash,
        options.demo ? 1 : 0,
        now(),
        options.expiresAt?.toISOString() ?? null,
      ).lastInsertRowid,
  );
}

export function credentialById(db: Database.Database, id: number): Credential | undefined {
  const row = db.prepare<[number], CredentialRow>(`${CREDENTIAL_SELECT} WHERE c.id = ?`).get(id);
  return row && toCredential(row);
}

/** The account's password credentials that are neither revoked nor expired. */
export function livePasswords(db: Database.Database, accountId: number): Credential[] {
  return db
    .prepare<[number, string], CredentialRow>(
      `${CREDENTIAL_SELECT} WHERE c.account_id = ? AND c.kind = 'password' AND c.revoked_at IS NULL
       AND (c.expires_at IS NULL OR c.expires_at > ?) ORDER BY c.id DESC`,
    )
    .all(accountId, now())
    .map(toCredential);
}

export function listCredentials(db: Database.Database, account?: string): Credential[] {
  const rows = account
    ? db.prepare<[string], CredentialRow>(`${CREDENTIAL_SELECT} WHERE a.name = ? ORDER BY c.id`).all(account)
    : db.prepare<[], CredentialRow>(`${CREDENTIAL_SELECT} ORDER BY c.id`).all();
  return rows.map(toCredential);
}

/** Revokes a credential and every session opened with it. */
export function revokeCredential(db: Database.Database, id: number): boolean {
  return db.transaction(() => {
    const changed = db
      .prepare('UPDATE credentials SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(now(), id);
    db.prepare('UPDATE sessions SET revoked_at = ? WHERE credential_id = ? AND revoked_at IS NULL').run(Date.now(), id);
    return changed.changes > 0;
  })();
}

/** A credential is usable when it, and its account, are live. */
export function isLive(db: Database.Database, credential: Credential | undefined): credential is Credential {
  if (!credential || credential.revokedAt) return false;
  if (credential.expiresAt && credential.expiresAt <= now()) return false;
  const account = accountById(db, credential.accountId);
  return !!account && !account.disabled;
}
