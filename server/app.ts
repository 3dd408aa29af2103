/** The reference API server (docs/api.md) plus optional static file roots. */
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import etag from '@fastify/etag';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseSearchParams, toQueryString, type ParamError, type SearchParams } from '../src/data/query.js';
import { AuthService } from './auth/service.js';
import type { LimitOptions } from './auth/limits.js';
import type { SessionOptions } from './auth/service.js';
import { openWritable } from './db.js';
import { LiveIndex } from './live.js';
import { negotiate, type Representation } from './responses.js';
import { QUERY_SCHEMA } from './schema.js';
import { etagOf } from './store/revisions.js';
import { writeRoutes } from './write/routes.js';

export interface StaticRoot {
  /** URL prefix ending in "/", e.g. "/dist/". */
  prefix: string;
  /** Directory to serve; skipped when it does not exist. */
  root: string;
}

export interface AppOptions {
  dbPath: string;
  staticRoots?: StaticRoot[];
  /** Fastify/pino logger options; off by default. */
  logger?: FastifyServerOptions['logger'];
  /** Megabytes for in-memory caches of text matches and responses (default 64; 0 = none). */
  cacheMb?: number;
  /** A read copy: serves the public reads only and follows the writer's changes by polling. */
  replica?: boolean;
  /** How often to look for changes made by other processes, in ms (default 250). */
  pollMs?: number;
  /** Sign-in limits and session lifetimes (defaults in server/auth). */
  limits?: Partial<LimitOptions>;
  session?: Partial<SessionOptions>;
  /** Trust X-Forwarded-* from a proxy in front (for the client address and HTTPS). */
  trustProxy?: boolean;
}

export const API_PREFIX = '/api/v1';
const CACHE_CONTROL = 'public, max-age=60';

/** A contract parameter error, raised from query validation. */
class ParamFailure extends Error {
  readonly statusCode = 400;
  constructor(readonly detail: ParamError) {
    super(detail.message);
  }
}

type ErrorCode = 'invalid_parameter' | 'not_found' | 'internal_error';

function sendError(reply: FastifyReply, status: number, code: ErrorCode, message: string, parameter?: string) {
  return (
    reply
      .code(status)
      // Set here too: framework errors (bad URLs) skip the CORS hook.
      .header('access-control-allow-origin', '*')
      .type('application/json; charset=utf-8')
      .header('cache-control', status >= 500 ? 'no-store' : CACHE_CONTROL)
      .send(JSON.stringify({ error: { code, message, ...(parameter ? { parameter } : {}) } }))
  );
}

/** URLSearchParams decoding, as the browser client encodes; repeated keys become arrays. */
function parseQuery(query: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of new URLSearchParams(query)) {
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else out[key] = [prev, value];
  }
  return out;
}

export function buildApp(options: AppOptions): FastifyInstance {
  // The writer opens (and if needed upgrades) the file before any reader looks at it.
  const writer = options.replica ? undefined : openWritable(options.dbPath);
  const cacheBytes = (options.cacheMb ?? 64) * 2 ** 20;
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    // One line per request from the onResponse hook instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { querystringParser: parseQuery, maxParamLength: 1000 },
    // Fastify's closing 503 is not in the contract's error shape; requests in flight just finish.
    return503OnClosing: false,
    frameworkErrors: (err, _request, reply) => {
      if (err.code === 'FST_ERR_BAD_URL') return sendError(reply, 404, 'not_found', 'No such resource');
      return sendError(reply, 400, 'invalid_parameter', err.message);
    },
  });
  const live = new LiveIndex(options.dbPath, {
    cacheBytes,
    pollMs: options.pollMs,
    onSwap: (snapshot, ms) => app.log.info({ version: snapshot.version, ms: Math.round(ms) }, 'index swapped'),
    onError: (err) => app.log.error({ err }, 'index rebuild failed; serving the previous data'),
  });
  app.addHook('onClose', async () => {
    live.close();
    writer?.close();
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      },
      'request',
    );
  });

  // Order matters: ETag hashes the plain body before compression turns it into a stream.
  app.register(cors, { origin: '*', methods: ['GET', 'HEAD'], exposedHeaders: ['Retry-After'] });
  app.register(etag, { weak: true });
  // Synchronous zlib up to 1 MB: a search body compresses in well under a millisecond.
  app.register(compress, { encodings: ['br', 'gzip', 'deflate'], syncThreshold: 2 ** 20 });

  app.setErrorHandler((err: Error & { statusCode?: number }, request, reply) => {
    if (err instanceof ParamFailure)
      return sendError(reply, 400, 'invalid_parameter', err.detail.message, err.detail.parameter);
    const status = err.statusCode ?? 500;
    if (status === 404) return sendError(reply, 404, 'not_found', 'No such resource');
    if (status >= 400 && status < 500) return sendError(reply, 400, 'invalid_parameter', err.message);
    request.log.error({ err }, 'request failed');
    return sendError(reply, 500, 'internal_error', 'Internal server error');
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, 'not_found', `No such resource: ${request.method} ${request.url.split('?')[0]}`),
  );

  // Routes go in a plugin so they are added after compress, which hooks onRoute.
  app.register(async (api) => {
    const json = (reply: FastifyReply, body: string | Buffer) =>
      reply.type('application/json; charset=utf-8').header('cache-control', CACHE_CONTROL).send(body);
    // Already tagged and compressed: the etag and compress hooks leave it alone.
    const send = (reply: FastifyReply, rep: Representation) => {
      reply.header('etag', rep.etag).header('vary', 'accept-encoding');
      if (rep.encoding !== 'identity') reply.header('content-encoding', rep.encoding);
      return json(reply, rep.body);
    };

    api.get(
      `${API_PREFIX}/entries`,
      {
        schema: { querystring: QUERY_SCHEMA },
        // The shared query model is the validator, so every engine rejects the same requests.
        validatorCompiler: () => (data: unknown) => {
          const result = parseSearchParams((data ?? {}) as Record<string, string | string[]>);
          return result.ok ? { value: result.params } : { error: new ParamFailure(result.error) };
        },
      },
      async (request, reply) => {
        const params = request.query as SearchParams;
        const encoding = negotiate(request.headers['accept-encoding']);
        const { engine, responses } = live.current;
        return send(
          reply,
          responses.get(toQueryString(params), encoding, () => engine.search(params)),
        );
      },
    );

    api.get<{ Params: { id: string } }>(`${API_PREFIX}/entries/:id`, async (request, reply) => {
      const found = live.current.engine.entry(request.params.id);
      // The revision is the ETag that PUT /entries/{id} expects in If-Match.
      return found === undefined
        ? sendError(reply, 404, 'not_found', `No entry with id ${JSON.stringify(request.params.id.slice(0, 64))}`)
        : json(reply.header('etag', etagOf(found.revision)), found.json);
    });

    api.get(`${API_PREFIX}/health`, async (_request, reply) =>
      json(reply, JSON.stringify({ status: 'ok', entries: live.current.engine.size })),
    );

    if (writer)
      await api.register(writeRoutes, {
        apiBase: API_PREFIX,
        db: writer,
        auth: new AuthService(writer, options),
        live,
      });
  });

  let decorated = false;
  for (const { prefix, root } of options.staticRoots ?? []) {
    if (!existsSync(root)) continue;
    app.register(fastifyStatic, {
      root: resolve(root),
      prefix,
      decorateReply: !decorated,
      etag: true,
      lastModified: true,
      // Pages answer without ".html" too: /manage is demo/manage.html.
      extensions: ['html'],
    });
    decorated = true;
  }
  return app;
}
