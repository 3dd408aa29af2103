/**
 * Admin command line: accounts, organizations and credentials. Run on the writer's host:
 *   npm run admin -- [--db PATH] COMMAND [ARGS]
 * Passwords are generated and printed once unless given on stdin (--password-stdin).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { openWritable } from './db.js';
import { DEFAULT_DB } from './import.js';
import { isDemoSecret } from './demo.js';
import { issueToken, setPassword } from './auth/credentials.js';
import {
  AccountError,
  addMembership,
  addOrganization,
  createAccount,
  disableAccount,
  listAccounts,
  listCredentials,
  listOrganizations,
  removeMembership,
  revokeCredential,
} from './store/accounts.js';

export const USAGE = `usage: npm run admin -- [--db PATH] COMMAND [ARGS]

  create-admin NAME [--password-stdin]          first (or another) administrator
  add-organization NAME                         an organization, by its exact Entry.organization text
  list-organizations
  add-editor NAME --organization ORG... [--password-stdin]
  add-membership NAME ORG | remove-membership NAME ORG
  list-accounts
  set-password NAME [--password-stdin]          replaces the password; its sessions end
  issue-token NAME [--label TEXT] [--expires-days N]
  list-credentials [NAME]
  revoke CREDENTIAL_ID                          a password or token, and its sessions
  disable-account NAME                          every credential and session of it
  snapshot PATH                                 a consistent copy for read copies elsewhere`;

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** The password given on stdin. */
  stdin?: () => string;
}

const generated = () => randomBytes(15).toString('base64url');

/** Runs one command; returns the exit code. */
export async function runAdmin(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        organization: { type: 'string', multiple: true },
        label: { type: 'string' },
        'expires-days': { type: 'string' },
        'password-stdin': { type: 'boolean' },
      },
    });
  } catch (err) {
    io.err(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  const arity: Record<string, [number, number]> = {
    'create-admin': [1, 1],
    'add-organization': [1, 1],
    'list-organizations': [0, 0],
    'add-editor': [1, 1],
    'add-membership': [2, 2],
    'remove-membership': [2, 2],
    'list-accounts': [0, 0],
    'set-password': [1, 1],
    'issue-token': [1, 1],
    'list-credentials': [0, 1],
    revoke: [1, 1],
    'disable-account': [1, 1],
    snapshot: [1, 1],
  };
  const range = command ? arity[command] : undefined;
  if (!range || args.length < range[0] || args.length > range[1]) {
    io.err(USAGE);
    return 2;
  }
  const dbPath = resolve(values.db ?? process.env.WSIS_DB ?? DEFAULT_DB);
  let db;
  try {
    db = openWritable(dbPath);
  } catch (err) {
    io.err((err as Error).message);
    return 1;
  }
  const password = async (name: string) => {
    const given = values['password-stdin'] ? (io.stdin?.() ?? '').replace(/\r?\n$/, '') : undefined;
    if (given !== undefined && isDemoSecret(given)) throw new AccountError('That password is reserved for the demo');
    const secret = given ?? generated();
    await setPassword(db, name, secret);
    if (given === undefined) io.out(`password for ${name}: ${secret}  (shown once)`);
  };
  try {
    switch (command) {
      case 'create-admin':
        createAccount(db, args[0], 'admin');
        await password(args[0]);
        io.out(`administrator ${args[0]} created`);
        break;
      case 'add-organization':
        addOrganization(db, args[0]);
        io.out(`organization ${JSON.stringify(args[0])} added`);
        break;
      case 'list-organizations':
        for (const o of listOrganizations(db)) io.out(`${o.name}\t${o.editors} editor(s)`);
        break;
      case 'add-editor': {
        const orgs = values.organization ?? [];
        if (!orgs.length) throw new AccountError('add-editor needs at least one --organization');
        db.transaction(() => {
          createAccount(db, args[0], 'editor');
          for (const org of orgs) addMembership(db, args[0], org);
        })();
        await password(args[0]);
        io.out(`editor ${args[0]} of ${orgs.map((o) => JSON.stringify(o)).join(', ')} created`);
        break;
      }
      case 'add-membership':
        addMembership(db, args[0], args[1]);
        io.out(`${args[0]} edits ${JSON.stringify(args[1])}`);
        break;
      case 'remove-membership':
        removeMembership(db, args[0], args[1]);
        io.out(`${args[0]} no longer edits ${JSON.stringify(args[1])}`);
        break;
      case 'list-accounts':
        for (const a of listAccounts(db))
          io.out(`${a.name}\t${a.role}${a.disabled ? ' (disabled)' : ''}\t${a.organizations.join('; ')}`);
        break;
      case 'set-password':
        await password(args[0]);
        break;
      case 'issue-token': {
        const days = values['expires-days'] === undefined ? undefined : Number(values['expires-days']);
        if (days !== undefined && !(days > 0)) throw new AccountError('--expires-days must be a positive number');
        const expires = days === undefined ? undefined : new Date(Date.now() + days * 86_400_000);
        const { id, token } = await issueToken(db, args[0], values.label ?? '', expires);
        io.out(`token ${id} for ${args[0]}: ${token}  (shown once; send as Authorization: Bearer)`);
        break;
      }
      case 'list-credentials':
        for (const c of listCredentials(db, args[0])) {
          const state = c.revokedAt ? `revoked ${c.revokedAt}` : c.expiresAt ? `expires ${c.expiresAt}` : 'live';
          io.out(`${c.id}\t${c.account}\t${c.kind}\t${c.label}\tcreated ${c.createdAt}\t${state}`);
        }
        break;
      case 'revoke': {
        const id = Number(args[0]);
        if (!Number.isSafeInteger(id) || !revokeCredential(db, id))
          throw new AccountError(`No live credential ${args[0]}`);
        io.out(`credential ${id} revoked, with its sessions`);
        break;
      }
      case 'disable-account':
        disableAccount(db, args[0]);
        io.out(`account ${args[0]} disabled`);
        break;
      case 'snapshot': {
        // Online backup to a temporary file, then an atomic rename: readers see the old or the new file.
        const target = resolve(args[0]);
        const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
        try {
          await db.backup(tmp);
          renameSync(tmp, target);
        } finally {
          rmSync(tmp, { force: true });
        }
        io.out(`snapshot of ${dbPath} written to ${target}`);
        break;
      }
    }
    return 0;
  } catch (err) {
    if (!(err instanceof AccountError)) throw err;
    io.err(err.message);
    return 1;
  } finally {
    db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await runAdmin(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    stdin: () => readFileSync(0, 'utf8'),
  });
}
