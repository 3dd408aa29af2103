/**
 * Who is calling: sign-in with a password (opening a session), session cookies, bearer tokens.
 * Sessions live in the database so they can be revoked; the cookie value is never stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  accountById,
  credentialById,
  findAccount,
  isLive,
  livePasswords,
  organizationsOf,
  type Role,
} from '../store/accounts.js';
import { isDemoSecret, isSampleDatabase } from '../demo.js';
import { parseToken } from './credentials.js';
import { decoyHash, verifySecret } from './hash.js';
import { LoginLimiter, type LimitOptions } from './limits.js';
import { Lru } from '../lru.js';

export interface Principal {
  accountId: number;
  name: string;
  role: Role;
  organizations: string[];
  via: 'session' | 'token';
  /** Session cookies only: the token every unsafe request must echo. */
  csrf: string | null;
  /** Session id (hash), for sign-out. */
  sessionId?: string;
  expiresAt: string | null;
}

export interface SessionOptions {
  /** Lifetime from sign-in (default 8 h). */
  absoluteMs: number;
  /** Lifetime from last use (default 2 h). */
  idleMs: number;
}

export const DEFAULT_SESSION: SessionOptions = { absoluteMs: 8 * 3600_000, idleMs: 2 * 3600_000 };

export type SignIn =
  | { ok: true; cookie: string; principal: Principal }
  | { ok: false; reason: 'unauthorized' }
  | { ok: false; reason: 'rate_limited'; retryAfterMs: number };

interface SessionRow {
  id: string;
  account_id: number;
  credential_id: number;
  csrf: string;
  created_at: number;
  last_seen: number;
  expires_at: number;
  revoked_at: number | null;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** Last-use times are written at most this often. */
const TOUCH_MS = 60_000;

export class AuthService {
  readonly limiter: LoginLimiter;
  readonly session: SessionOptions;
  /** SHA-256 of tokens whose scrypt check passed, so a script pays it once, not per request. */
  private readonly verified = new Lru<string, number>(1000);

  constructor(
    private readonly db: Database.Database,
    options: { limits?: Partial<LimitOptions>; session?: Partial<SessionOptions> } = {},
  ) {
    this.limiter = new LoginLimiter(options.limits);
    this.session = { ...DEFAULT_SESSION, ...options.session };
  }

  async signIn(name: string, password: string, address: string): Promise<SignIn> {
    const account = findAccount(this.db, name);
    const wait = this.limiter.wait(account?.id, address);
    if (wait > 0) return { ok: false, reason: 'rate_limited', retryAfterMs: wait };
    const candidates = account && !account.disabled ? livePasswords(this.db, account.id) : [];
    let matched: number | undefined;
    // Unknown accounts cost as much as known ones, so timing tells nothing.
    if (!candidates.length) await verifySecret(password, await decoyHash());
    for (const c of candidates) if (await verifySecret(password, c.hash)) matched = c.id;
    const credential = matched === undefined ? undefined : credentialById(this.db, matched);
    const demoRefused = !isSampleDatabase(this.db) && (isDemoSecret(password) || !!credential?.demo);
    if (!account || !credential || !isLive(this.db, credential) || demoRefused) {
      this.limiter.fail(account?.id, address);
      return { ok: false, reason: 'unauthorized' };
    }
    this.limiter.succeed(account.id);
    const cookie = randomBytes(32).toString('base64url');
    const now = Date.now();
    // Sessions that can no longer be used are dead weight; revisions, not sessions, are the audit.
    this.db
      .prepare('DELETE FROM sessions WHERE expires_at < ? OR revoked_at < ?')
      .run(now - 86_400_000, now - 86_400_000);
    const row: SessionRow = {
      id: sha256(cookie),
      account_id: account.id,
      credential_id: credential.id,
      csrf: randomBytes(32).toString('base64url'),
      created_at: now,
      last_seen: now,
      expires_at: now + this.session.absoluteMs,
      revoked_at: null,
    };
    this.db
      .prepare(
        `INSERT INTO sessions (id, account_id, credential_id, csrf, created_at, last_seen, expires_at)
         VALUES (@id, @account_id, @credential_id, @csrf, @created_at, @last_seen, @expires_at)`,
      )
      .run(row);
    return { ok: true, cookie, principal: this.principalOf(row)! };
  }

  /** The session behind a cookie value, if it is live. */
  fromCookie(cookie: string): Principal | undefined {
    const row = this.db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?').get(sha256(cookie));
    const now = Date.now();
    if (!row || row.revoked_at !== null || row.expires_at <= now || row.last_seen + this.session.idleMs <= now)
      return undefined;
    if (!isLive(this.db, credentialById(this.db, row.credential_id))) return undefined;
    // Written at most every minute (or a tenth of the idle limit), not on every request.
    if (now - row.last_seen > Math.min(TOUCH_MS, this.session.idleMs / 10))
      this.db.prepare('UPDATE sessions SET last_seen = ? WHERE id = ?').run(now, row.id);
    return this.principalOf(row);
  }

  async fromBearer(token: string): Promise<Principal | undefined> {
    const parsed = parseToken(token);
    if (!parsed) return undefined;
    const credential = credentialById(this.db, parsed.id);
    if (!credential || credential.kind !== 'token' || !isLive(this.db, credential)) return undefined;
    const key = sha256(token);
    if (this.verified.get(key) !== credential.id) {
      if (!(await verifySecret(parsed.secret, credential.hash))) return undefined;
      this.verified.set(key, credential.id);
    }
    const account = accountById(this.db, credential.accountId)!;
    return {
      accountId: account.id,
      name: account.name,
      role: account.role,
      organizations: account.role === 'admin' ? [] : organizationsOf(this.db, account.id),
      via: 'token',
      csrf: null,
      expiresAt: credential.expiresAt,
    };
  }

  signOut(sessionId: string): void {
    this.db
      .prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(Date.now(), sessionId);
  }

  private principalOf(row: SessionRow): Principal | undefined {
    const account = accountById(this.db, row.account_id);
    if (!account || account.disabled) return undefined;
    return {
      accountId: account.id,
      name: account.name,
      role: account.role,
      organizations: account.role === 'admin' ? [] : organizationsOf(this.db, account.id),
      via: 'session',
      csrf: row.csrf,
      sessionId: row.id,
      expiresAt: new Date(row.expires_at).toISOString(),
    };
  }
}
