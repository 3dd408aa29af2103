/**
 * Administrators manage organizations and editors over HTTP, as the admin CLI does
 * (docs/api.md, "Administration"). Registered inside the write routes, so the same
 * authentication, CSRF, CORS and error rules apply.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type Database from 'better-sqlite3';
import { MIN_PASSWORD, setPassword } from '../auth/credentials.js';
import { isDemoSecret } from '../demo.js';
import {
  AccountError,
  addMembership,
  addOrganization,
  createAccount,
  disableAccount,
  findAccount,
  listAccounts,
  listOrganizations,
  organizationsOf,
  removeMembership,
} from '../store/accounts.js';

type Route = (
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  account: boolean,
  handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
) => void;

export interface AdminHelpers {
  route: Route;
  db: Database.Database;
  ok: (reply: FastifyReply, body: unknown, status?: number) => unknown;
  fail: (
    reply: FastifyReply,
    code: 'forbidden' | 'invalid_parameter' | 'not_found' | 'conflict',
    message: string,
  ) => unknown;
}

const strings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string' && v.length > 0 && v.length <= 200);

export function adminRoutes({ route, db, ok, fail }: AdminHelpers): void {
  /** Runs `body` for administrators only; account-rule violations become 400s. */
  const admin =
    (body: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.principal?.role !== 'admin') return fail(reply, 'forbidden', 'Only administrators manage accounts');
      try {
        return await body(request, reply);
      } catch (err) {
        if (err instanceof AccountError) return fail(reply, 'invalid_parameter', err.message);
        throw err;
      }
    };
  const accountBody = (name: string) => {
    const a = findAccount(db, name)!;
    return { name: a.name, role: a.role, disabled: a.disabled, organizations: organizationsOf(db, a.id) };
  };
  const named = (request: FastifyRequest) => (request.params as { name: string }).name;

  route(
    'GET',
    '/admin/organizations',
    true,
    admin(async (_request, reply) => ok(reply, { organizations: listOrganizations(db) })),
  );

  route(
    'POST',
    '/admin/organizations',
    true,
    admin(async (request, reply) => {
      const { name } = (request.body ?? {}) as { name?: unknown };
      if (typeof name !== 'string') return fail(reply, 'invalid_parameter', 'name must be a string');
      addOrganization(db, name);
      return ok(reply, { name }, 201);
    }),
  );

  route(
    'GET',
    '/admin/accounts',
    true,
    admin(async (_request, reply) =>
      ok(reply, {
        accounts: listAccounts(db).map(({ name, role, disabled, organizations }) => ({
          name,
          role,
          disabled,
          organizations,
        })),
      }),
    ),
  );

  route(
    'POST',
    '/admin/accounts',
    true,
    admin(async (request, reply) => {
      const { name, role, organizations = [], password } = (request.body ?? {}) as Record<string, unknown>;
      if (typeof name !== 'string') return fail(reply, 'invalid_parameter', 'name must be a string');
      if (role !== 'editor' && role !== 'admin')
        return fail(reply, 'invalid_parameter', 'role must be editor or admin');
      if (!strings(organizations)) return fail(reply, 'invalid_parameter', 'organizations must be a list of names');
      if (typeof password !== 'string' || password.length < MIN_PASSWORD || isDemoSecret(password))
        return fail(reply, 'invalid_parameter', `password must be a string of at least ${MIN_PASSWORD} characters`);
      if (findAccount(db, name)) return fail(reply, 'conflict', `Account ${name} exists`);
      db.transaction(() => {
        createAccount(db, name, role);
        for (const org of organizations) {
          addOrganization(db, org);
          addMembership(db, name, org);
        }
      })();
      await setPassword(db, name, password);
      return ok(reply, accountBody(name), 201);
    }),
  );

  route(
    'PUT',
    '/admin/accounts/:name/organizations',
    true,
    admin(async (request, reply) => {
      const name = named(request);
      const account = findAccount(db, name);
      if (!account) return fail(reply, 'not_found', `No account ${name}`);
      const { organizations } = (request.body ?? {}) as { organizations?: unknown };
      if (!strings(organizations)) return fail(reply, 'invalid_parameter', 'organizations must be a list of names');
      db.transaction(() => {
        for (const org of organizationsOf(db, account.id))
          if (!organizations.includes(org)) removeMembership(db, name, org);
        for (const org of organizations) {
          addOrganization(db, org);
          addMembership(db, name, org);
        }
      })();
      return ok(reply, accountBody(name));
    }),
  );

  route(
    'POST',
    '/admin/accounts/:name/disable',
    true,
    admin(async (request, reply) => {
      const name = named(request);
      if (!findAccount(db, name)) return fail(reply, 'not_found', `No account ${name}`);
      disableAccount(db, name);
      return ok(reply, accountBody(name));
    }),
  );
}
