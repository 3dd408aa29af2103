/**
 * The write API (docs/api.md, "Writing"): sign-in, entry writes, revisions, listing for editors.
 * Every route here is private to the API's own origin: no CORS headers, preflights refused,
 * `no-store`, and CSRF checks on cookie-authenticated writes.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import type Database from 'better-sqlite3';
import type { Entry } from '../../src/data/entry.js';
import type { AuthService, Principal } from '../auth/service.js';
import { sameText } from '../auth/hash.js';
import type { LiveIndex } from '../live.js';
import { listManaged } from '../store/listing.js';
import {
  StoreError,
  applyRevision,
  etagOf,
  managedState,
  revisionOfTag,
  revisionsOf,
  type Change,
  type ManagedState,
} from '../store/revisions.js';
import { adminRoutes } from './admin-routes.js';
import { entryFromBody, type Problem } from './input.js';

export const SESSION_COOKIE = 'wsis_session';
export const CSRF_HEADER = 'x-csrf-token';
export const BODY_LIMIT = 64 * 1024;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Whether the route needs an account. */
    account?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export interface WriteOptions {
  /** Where the API is mounted ("prefix" would make Fastify mount these routes twice over). */
  apiBase: string;
  db: Database.Database;
  auth: AuthService;
  live: LiveIndex;
}

type WriteCode =
  | 'invalid_parameter'
  | 'invalid_entry'
  | 'unauthorized'
  | 'forbidden'
  | 'csrf_failed'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'precondition_required'
  | 'rate_limited'
  | 'internal_error';

const STATUS: Record<WriteCode, number> = {
  invalid_parameter: 400,
  invalid_entry: 400,
  unauthorized: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  precondition_required: 428,
  rate_limited: 429,
  internal_error: 500,
};

/** An error in the contract's shape, without CORS headers: other origins may not read it. */
function fail(reply: FastifyReply, code: WriteCode, message: string, extra: Record<string, unknown> = {}) {
  return reply
    .code(STATUS[code])
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(JSON.stringify({ error: { code, message, ...extra } }));
}

function ok(reply: FastifyReply, body: unknown, status = 200) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(JSON.stringify(body));
}

function sendState(reply: FastifyReply, state: ManagedState, status = 200) {
  return ok(reply.header('etag', state.etag), state, status);
}

const today = () => new Date().toISOString().slice(0, 10);
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** Why a browser request must not act on the cookie's behalf, if it must not. */
function crossOrigin(request: FastifyRequest): string | undefined {
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `${request.protocol}://${request.host}`)
    return `Requests from ${origin.slice(0, 100)} may not write here`;
  if (request.headers['sec-fetch-site'] === 'cross-site') return 'Cross-site requests may not write here';
  return undefined;
}

const canWrite = (p: Principal, entry: Entry) => p.role === 'admin' || p.organizations.includes(entry.organization);

function guardFor(p: Principal) {
  return (current: Entry | undefined, next: Entry | undefined) => {
    for (const entry of [current, next])
      if (entry && !canWrite(p, entry))
        throw new StoreError('forbidden', `${p.name} is not an editor of ${JSON.stringify(entry.organization)}`);
  };
}

function sessionBody(p: Principal) {
  return {
    account: { name: p.name, role: p.role, organizations: p.organizations },
    csrfToken: p.csrf,
    expiresAt: p.expiresAt,
  };
}

function intParam(value: unknown, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  if (!(n >= min && n <= max)) throw new ParamError(`${name} must be an integer from ${min} to ${max}`, name);
  return n;
}

class ParamError extends Error {
  constructor(
    message: string,
    readonly parameter: string,
  ) {
    super(message);
  }
}

export async function writeRoutes(
  api: FastifyInstance,
  { apiBase: prefix, db, auth, live }: WriteOptions,
): Promise<void> {
  await api.register(cookie);
  api.decorateRequest('principal', null);

  const secure = (request: FastifyRequest) => request.protocol === 'https';

  // Authentication and CSRF run before the body is even parsed.
  api.addHook('onRequest', async (request, reply) => {
    if (!request.routeOptions.config.account) return;
    const header = request.headers.authorization;
    if (header !== undefined) {
      const bearer = /^Bearer +([^\s]+)$/i.exec(header);
      request.principal = bearer ? ((await auth.fromBearer(bearer[1])) ?? null) : null;
    } else {
      const value = request.cookies[SESSION_COOKIE];
      request.principal = value ? (auth.fromCookie(value) ?? null) : null;
    }
    const p = request.principal;
    if (!p) return fail(reply, 'unauthorized', 'Sign in, or send a valid bearer token');
    if (p.via === 'session' && UNSAFE.has(request.method)) {
      const refused = crossOrigin(request);
      if (refused) return fail(reply, 'csrf_failed', refused);
      const token = request.headers[CSRF_HEADER];
      if (typeof token !== 'string' || !sameText(token, p.csrf ?? ''))
        return fail(reply, 'csrf_failed', `Missing or wrong ${'X-CSRF-Token'} header`);
    }
  });
  api.addHook('onRequest', async (request, reply) => {
    if (!UNSAFE.has(request.method) || !hasBody(request)) return;
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') return fail(reply, 'unsupported_media_type', 'Send the body as application/json');
  });

  api.setErrorHandler((err: Error & { code?: string; statusCode?: number }, request, reply) => {
    if (err instanceof StoreError) {
      if (err.code === 'precondition_failed' && err.revision !== undefined) reply.header('etag', etagOf(err.revision));
      return fail(reply, err.code, err.message);
    }
    if (err instanceof ParamError) return fail(reply, 'invalid_parameter', err.message, { parameter: err.parameter });
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return fail(reply, 'payload_too_large', `The body is larger than ${BODY_LIMIT} bytes`);
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return fail(reply, 'unsupported_media_type', 'Send the body as application/json');
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
      return fail(reply, 'invalid_parameter', err.message);
    request.log.error({ err }, 'write failed');
    return fail(reply, 'internal_error', 'Internal server error');
  });

  const paths = new Set<string>();
  const route = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    account: boolean,
    handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
  ) => {
    paths.add(path);
    api.route({
      method,
      url: prefix + path,
      config: { account, cors: false } as never,
      bodyLimit: BODY_LIMIT,
      handler,
    });
  };
  const principal = (request: FastifyRequest) => request.principal!;
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

  /** Runs a change and answers with the entry's new state. */
  const apply = (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    change: Change,
    ifMatch: string | undefined,
    status = 200,
  ) => {
    let ifRevision: number | undefined;
    if (ifMatch !== undefined) {
      ifRevision = revisionOfTag(ifMatch);
      // A tag that names no revision (weak, malformed) can never be current.
      if (ifRevision === undefined) ifRevision = -1;
    }
    const { state, changed } = applyRevision(db, principal(request).name, id, change, {
      ifRevision,
      authorize: guardFor(principal(request)),
    });
    if (changed) live.changed();
    if (status === 201) reply.header('location', `${prefix}/entries/${encodeURIComponent(id)}`);
    return sendState(reply, state, status);
  };
  const entryOr400 = (reply: FastifyReply, body: unknown, pathId?: string) => {
    const input = entryFromBody(body, today(), pathId);
    if (input.ok) return input.entry;
    const n = input.problems.length;
    fail(reply, 'invalid_entry', `The entry has ${n} problem${n === 1 ? '' : 's'}`, {
      problems: input.problems satisfies Problem[],
    });
    return undefined;
  };
  const ifMatchHeader = (request: FastifyRequest) => {
    const value = request.headers['if-match'];
    return Array.isArray(value) ? value.join(',') : value;
  };

  route('POST', '/session', false, async (request, reply) => {
    const refused = crossOrigin(request);
    if (refused) return fail(reply, 'csrf_failed', refused);
    const body = request.body as { account?: unknown; password?: unknown } | undefined;
    for (const key of ['account', 'password'] as const) {
      const value = body?.[key];
      if (typeof value !== 'string' || !value || value.length > 1000)
        return fail(reply, 'invalid_parameter', `${key} must be a non-empty string`, { parameter: key });
    }
    const result = await auth.signIn(body!.account as string, body!.password as string, request.ip);
    if (!result.ok && result.reason === 'rate_limited') {
      const seconds = Math.ceil(result.retryAfterMs / 1000);
      reply.header('retry-after', String(seconds));
      return fail(reply, 'rate_limited', `Too many failed sign-ins, retry after ${seconds} seconds`);
    }
    if (!result.ok) return fail(reply, 'unauthorized', 'Wrong account name or password');
    reply.setCookie(SESSION_COOKIE, result.cookie, {
      httpOnly: true,
      secure: secure(request),
      sameSite: 'strict',
      path: prefix,
      maxAge: Math.floor(auth.session.absoluteMs / 1000),
    });
    return ok(reply, sessionBody(result.principal));
  });

  route('GET', '/session', true, async (request, reply) => ok(reply, sessionBody(principal(request))));

  route('DELETE', '/session', true, async (request, reply) => {
    const p = principal(request);
    if (p.sessionId) auth.signOut(p.sessionId);
    reply.clearCookie(SESSION_COOKIE, { httpOnly: true, secure: secure(request), sameSite: 'strict', path: prefix });
    return reply.code(204).header('cache-control', 'no-store').send();
  });

  route('POST', '/entries', true, async (request, reply) => {
    const entry = entryOr400(reply, request.body);
    return entry && apply(request, reply, entry.id, { action: 'create', entry }, undefined, 201);
  });

  route('PUT', '/entries/:id', true, async (request, reply) => {
    const id = idOf(request);
    const ifMatch = ifMatchHeader(request);
    if (ifMatch === undefined || ifMatch.trim() === '*') {
      const state = managedState(db, id);
      if (!state) return fail(reply, 'not_found', `No entry with id ${JSON.stringify(id.slice(0, 64))}`);
      return fail(reply, 'precondition_required', "If-Match with the entry's ETag is required");
    }
    const entry = entryOr400(reply, request.body, id);
    return entry && apply(request, reply, id, { action: 'update', entry }, ifMatch);
  });

  route('POST', '/entries/:id/archive', true, async (request, reply) =>
    apply(request, reply, idOf(request), { action: 'archive' }, ifMatchHeader(request)),
  );

  route('POST', '/entries/:id/restore', true, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const extra =
      typeof body === 'object' && !Array.isArray(body) ? Object.keys(body).filter((k) => k !== 'revision') : ['body'];
    if (extra.length) return fail(reply, 'invalid_parameter', `Unknown field ${extra[0]}`, { parameter: extra[0] });
    const { revision } = body;
    if (revision !== undefined && !(Number.isSafeInteger(revision) && (revision as number) >= 1))
      return fail(reply, 'invalid_parameter', 'revision must be a positive integer', { parameter: 'revision' });
    return apply(
      request,
      reply,
      idOf(request),
      { action: 'restore', revision: revision as number | undefined },
      ifMatchHeader(request),
    );
  });

  route('GET', '/entries/:id/revisions', true, async (request, reply) => {
    const id = idOf(request);
    const state = managedState(db, id);
    if (!state) return fail(reply, 'not_found', `No entry with id ${JSON.stringify(id.slice(0, 64))}`);
    guardFor(principal(request))(state.entry, undefined);
    return ok(reply, { id, revisions: revisionsOf(db, id) });
  });

  route('GET', '/manage/entries', true, async (request, reply) => {
    const p = principal(request);
    const query = request.query as Record<string, string | string[] | undefined>;
    const asked = query.organization === undefined ? undefined : [query.organization].flat();
    const refused = p.role === 'admin' ? undefined : asked?.find((o) => !p.organizations.includes(o));
    if (refused !== undefined)
      return fail(reply, 'forbidden', `${p.name} is not an editor of ${JSON.stringify(refused)}`);
    if (query.archived !== undefined && query.archived !== 'true' && query.archived !== 'false')
      throw new ParamError('archived must be true or false', 'archived');
    const page = intParam(query.page, 'page', 1, 10000, 1);
    const pageSize = intParam(query.pageSize, 'pageSize', 1, 100, 20);
    const { total, items } = listManaged(db, {
      organizations: asked ?? (p.role === 'admin' ? undefined : p.organizations),
      archived: query.archived === undefined ? undefined : query.archived === 'true',
      page,
      pageSize,
    });
    return ok(reply, { total, page, pageSize, items });
  });

  route('GET', '/manage/entries/:id', true, async (request, reply) => {
    const id = idOf(request);
    const state = managedState(db, id);
    if (!state) return fail(reply, 'not_found', `No entry with id ${JSON.stringify(id.slice(0, 64))}`);
    guardFor(principal(request))(state.entry, undefined);
    return sendState(reply, state);
  });

  adminRoutes({ route, db, ok, fail });

  // Preflights: a browser on another origin is never allowed to write. Reads (GET/HEAD) keep
  // the public answer the rest of the API gives.
  for (const path of paths) {
    api.route({
      method: 'OPTIONS',
      url: prefix + path,
      config: { cors: false } as never,
      handler: async (request, reply) => {
        const wanted = String(request.headers['access-control-request-method'] ?? '').toUpperCase();
        // Only the two public read paths share a path with a write route.
        const publicRead = (wanted === 'GET' || wanted === 'HEAD') && (path === '/entries' || path === '/entries/:id');
        if (!publicRead) return fail(reply, 'forbidden', 'Writes are not open to other origins');
        return reply
          .code(204)
          .header('access-control-allow-origin', '*')
          .header('access-control-allow-methods', 'GET, HEAD')
          .header('content-length', '0')
          .send();
      },
    });
  }
}
