/** Issuing credentials: passwords for people, bearer tokens for scripts. Shared by the CLI and the demo seed. */
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AccountError, addCredential, listCredentials, mustFind, revokeCredential } from '../store/accounts.js';
import { hashSecret } from './hash.js';

export const MIN_PASSWORD = 10;
const TOKEN = /^wsis_(\d{1,15})_([A-Za-z0-9_-]{43})$/;

/** Sets the account's password; its earlier passwords (and their sessions) are revoked. */
export async function setPassword(
  db: Database.Database,
  account: string,
  password: string,
  options: { demo?: boolean } = {},
): Promise<number> {
  if (password.length < MIN_PASSWORD) throw new AccountError(`A password has at least ${MIN_PASSWORD} characters`);
  const a = mustFind(db, account);
  const hash = await hashSecret(password);
  return db.transaction(() => {
    for (const c of listCredentials(db, account)) if (c.kind === 'password' && !c.revokedAt) revokeCredential(db, c.id);
    return addCredential(db, a.id, 'password', hash, { label: 'password', demo: options.demo });
  })();
}

/** Issues a script token. The token is returned once and only its hash is kept. */
export async function issueToken(
  db: Database.Database,
  account: string,
  label: string,
  expiresAt?: Date,
): Promise<{ id: number; token: string }> {
  const a = mustFind(db, account);
  const secret = randomBytes(32).toString('base64url');
  const id = addCredential(db, a.id, 'token', await hashSecret(secret), { label, expiresAt });
  return { id, token: `wsis_${id}_${secret}` };
}

/** Splits a presented token into its credential id and secret; undefined when malformed. */
export function parseToken(token: string): { id: number; secret: string } | undefined {
  const match = TOKEN.exec(token);
  return match ? { id: Number(match[1]), secret: match[2] } : undefined;
}
