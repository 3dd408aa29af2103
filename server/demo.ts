/**
 * Demo accounts for the generated sample database only. The sample is marked in `meta`;
 * every other database refuses demo credentials and the demo passwords, wherever they come from.
 */
import type Database from 'better-sqlite3';
import { addMembership, addOrganization, createAccount } from './store/accounts.js';
import { setPassword } from './auth/credentials.js';

export const DEMO_EDITOR = { account: 'demo-editor', password: 'demo-editor-2026' } as const;
export const DEMO_ADMIN = { account: 'demo-admin', password: 'demo-admin-2026' } as const;
const DEMO_PASSWORDS = new Set<string>([DEMO_EDITOR.password, DEMO_ADMIN.password]);

export function isSampleDatabase(db: Database.Database): boolean {
  return db.prepare(`SELECT value FROM meta WHERE key = 'sample'`).pluck().get() === '1';
}

/** True for a credential that only the sample database accepts. */
export const isDemoSecret = (password: string): boolean => DEMO_PASSWORDS.has(password);

/** The organization with the most entries: a demo editor with something to edit. */
export function largestOrganization(db: Database.Database): string {
  return db
    .prepare(
      `SELECT json_extract(meta, '$.organization') AS org FROM entries GROUP BY org ORDER BY count(*) DESC, org LIMIT 1`,
    )
    .pluck()
    .get() as string;
}

/** Marks a freshly generated database as the sample and adds the demo editor and administrator. */
export async function seedDemo(db: Database.Database): Promise<{ organization: string }> {
  const organization = largestOrganization(db);
  db.transaction(() => {
    db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('sample', '1')`).run();
    addOrganization(db, organization);
    createAccount(db, DEMO_EDITOR.account, 'editor');
    addMembership(db, DEMO_EDITOR.account, organization);
    createAccount(db, DEMO_ADMIN.account, 'admin');
  })();
  await setPassword(db, DEMO_EDITOR.account, DEMO_EDITOR.password, { demo: true });
  await setPassword(db, DEMO_ADMIN.account, DEMO_ADMIN.password, { demo: true });
  return { organization };
}

/** The lines `npm start` prints for a sample database. */
export function demoBanner(db: Database.Database): string[] {
  if (!isSampleDatabase(db)) return [];
  const org = db
    .prepare(
      `SELECT o.name FROM memberships m JOIN organizations o ON o.id = m.organization_id
       JOIN accounts a ON a.id = m.account_id WHERE a.name = ? LIMIT 1`,
    )
    .pluck()
    .get(DEMO_EDITOR.account) as string | undefined;
  return [
    'Sample database: demo sign-ins (refused by any other database):',
    `  editor of ${JSON.stringify(org ?? '?')}: ${DEMO_EDITOR.account} / ${DEMO_EDITOR.password}`,
    `  administrator: ${DEMO_ADMIN.account} / ${DEMO_ADMIN.password}`,
  ];
}
