/** The reference API server (docs/api.md) plus optional static file roots. */
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import etag from '@fastify/etag';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { toQueryString, type SearchParams } from '../src/data/query.js';
import { parseSearchParams, type ParamError } from '../src/data/evaluate.js';
import { openReadOnly } from './db.js';
import { SearchEngine } from './engine.js';
import { ResponseCache, negotiate, type Representation } from './responses.js';
import { QUERY_SCHEMA } from './schema.js';

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
  const db = openReadOnly(options.dbPath);
  const cacheBytes = (options.cacheMb ?? 64) * 2 ** 20;
  const engine = new SearchEngine(db, { cacheBytes: cacheBytes * 0.75 });
  const responses = new ResponseCache(cacheBytes * 0.25);
  const app = Fastify({
    logger: options.logger ?? false,
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
  app.addHook('onClose', async () => db.close());
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
        return send(
          reply,
          responses.get(toQueryString(params), encoding, () => engine.search(params)),
        );
      },
    );

    api.get<{ Params: { id: string } }>(`${API_PREFIX}/entries/:id`, async (request, reply) => {
      const body = engine.entry(request.params.id);
      return body === undefined
        ? sendError(reply, 404, 'not_found', `No entry with id ${JSON.stringify(request.params.id.slice(0, 64))}`)
        : json(reply, body);
    });

    api.get(`${API_PREFIX}/health`, async (_request, reply) =>
      json(reply, JSON.stringify({ status: 'ok', entries: engine.size })),
    );
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
    });
    decorated = true;
  }
  return app;
}
