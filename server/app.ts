/** The reference API server (docs/api.md) plus optional static file roots. */
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import etag from '@fastify/etag';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { toQueryString, type SearchParams } from '../src/data/query.js';
import { parseSearchParams, type ParamError } from '../src/data/evaluate.js';
import { AuthService, type SessionOptions } from './auth/service.js';
import type { LimitOptions as SignInLimits } from './auth/limits.js';
import { openWritable } from './db.js';
import { clientErrorHandler, sendError } from './errors.js';
import { pageHeaders, securityHeaders } from './headers.js';
import { MAX_QUERY_STRING, checkLimits, parseQuery, type RawQuery } from './limits.js';
import { LiveIndex } from './live.js';
import { JobQueue } from './queue.js';
import { negotiate, type Representation } from './responses.js';
import { QUERY_SCHEMA } from './schema.js';
import { etagOf } from './store/revisions.js';
import { writeRoutes } from './write/routes.js';

export interface StaticRoot {
  /** URL prefix ending in "/", e.g. "/dist/". */
  prefix: string;
  /** Directory to serve; skipped when it does not exist. */
  root: string;
  /** Paths inside the root (from "/") that answer 404 even when the file exists. */
  hidden?: RegExp;
  /** Paths inside the root whose names carry a hash of their content: browsers keep them for a year unasked. */
  immutable?: RegExp;
}

/** The build's content-hashed file names (`wsis-shared-BZdMgPL2.js`); the stub keeps its plain name. */
export const HASHED_FILE = /^\/wsis-[^/]+-[\w-]{8}\.(?:js|json|css)$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface AppOptions {
  dbPath: string;
  staticRoots?: StaticRoot[];
  /** Fastify/pino logger options; off by default. */
  logger?: FastifyServerOptions['logger'];
  /** Megabytes for the in-memory cache of response bodies (default 64; 0 = none). */
  cacheMb?: number;
  /** A read copy: serves the public reads only and follows the writer's changes by polling. */
  replica?: boolean;
  /** How often to look for changes made by other processes, in ms (default 250). */
  pollMs?: number;
  /** Sign-in limits and session lifetimes (defaults in server/auth). */
  limits?: Partial<SignInLimits>;
  session?: Partial<SessionOptions>;
  /** Trust X-Forwarded-* from a proxy in front (for the client address and HTTPS). */
  trustProxy?: boolean;
}

export const API_PREFIX = '/api/v1';
const CACHE_CONTROL = 'public, max-age=60';
/** The data revision an answer was computed from (docs/api.md): clients drop cached answers older than it. */
const REVISION_HEADER = 'wsis-revision';
/** Reads, and OPTIONS for the CORS preflight; other methods only where a write route takes them. */
const METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A contract parameter error, raised from query validation. */
class ParamFailure extends Error {
  readonly statusCode = 400;
  constructor(readonly detail: ParamError) {
    super(detail.message);
  }
}

/** Whether an If-None-Match header holds `etag` (weak comparison); "*" is handled for every route below. */
function notModified(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => bare(tag) === bare(etag));
}

export function buildApp(options: AppOptions): FastifyInstance {
  // The writer opens (and if needed upgrades) the file before any reader looks at it.
  const writer = options.replica ? undefined : openWritable(options.dbPath);
  const cacheBytes = (options.cacheMb ?? 64) * 2 ** 20;
  const searches = new JobQueue();
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    // One line per request from the onResponse hook instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { querystringParser: parseQuery, maxParamLength: 1000 },
    // Fastify's closing 503 is not in the contract's error shape; requests in flight just finish.
    return503OnClosing: false,
    frameworkErrors: (err, _request, reply) => {
      if (err.code === 'FST_ERR_BAD_URL') return sendError(reply, 404, 'No such resource');
      return sendError(reply, 400, err.message);
    },
    clientErrorHandler,
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
  // While stopping, answers close their connection, so no client queues a request on it.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  // Before the body is read: a request this server cannot serve costs nothing more.
  app.addHook('onRequest', async (request, reply) => {
    // A write route matched: its own hooks decide (server/write/routes.ts).
    if (!METHODS.has(request.method) && !request.routeOptions.url) {
      reply.header('allow', 'GET, HEAD');
      return sendError(reply, 405, `${request.method} is not allowed; this server answers GET and HEAD`);
    }
    const query = request.url.indexOf('?');
    if (query >= 0 && request.url.length - query - 1 > MAX_QUERY_STRING)
      return sendError(reply, 400, `The query string must be at most ${MAX_QUERY_STRING} bytes`);
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
  app.register(cors, { origin: '*', methods: ['GET', 'HEAD'], exposedHeaders: ['Retry-After', REVISION_HEADER] });
  app.register(etag, { weak: true });
  // Synchronous zlib up to 1 MB: a search body compresses in well under a millisecond.
  app.register(compress, { encodings: ['br', 'gzip', 'deflate'], syncThreshold: 2 ** 20 });
  // Added after compress, so this runs after it has chosen an encoding.
  app.addHook('onSend', async (request, reply, payload) => {
    reply.headers(securityHeaders(request.url.startsWith(API_PREFIX)));
    if (closing) reply.header('connection', 'close');
    // "If-None-Match: *" matches any current representation (RFC 9110 §13.1.2).
    // Reads only: on a write it would hide that the write happened.
    const read = request.method === 'GET' || request.method === 'HEAD';
    if (read && reply.statusCode === 200 && request.headers['if-none-match']?.trim() === '*') {
      (payload as { destroy?: () => void } | null)?.destroy?.();
      reply.code(304).removeHeader('content-encoding').removeHeader('content-length');
      return null;
    }
    return payload;
  });

  app.setErrorHandler((err: Error & { statusCode?: number }, request, reply) => {
    if (err instanceof ParamFailure) return sendError(reply, 400, err.detail.message, err.detail.parameter);
    const status = err.statusCode ?? 500;
    if (status === 404) return sendError(reply, 404, 'No such resource');
    // Framework and file errors keep their status (403, 416, …), in the contract's shape.
    if (status >= 400 && status < 500) return sendError(reply, status, err.message);
    request.log.error({ err }, 'request failed');
    return sendError(reply, 500, 'Internal server error');
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, `No such resource: ${request.method} ${request.url.split('?')[0]}`),
  );

  // Routes go in a plugin so they are added after compress, which hooks onRoute.
  app.register(async (api) => {
    const json = (reply: FastifyReply, body: string | Buffer) =>
      reply.type('application/json; charset=utf-8').header('cache-control', CACHE_CONTROL).send(body);
    // Already tagged and compressed: the etag and compress hooks leave it alone.
    const send = (request: FastifyRequest, reply: FastifyReply, rep: Representation) => {
      reply.header('etag', rep.etag).header('vary', 'accept-encoding');
      // A 304 describes no body, so it names no encoding.
      if (notModified(request.headers['if-none-match'], rep.etag))
        return reply.code(304).header('cache-control', CACHE_CONTROL).send();
      if (rep.encoding !== 'identity') reply.header('content-encoding', rep.encoding);
      return json(reply, rep.body);
    };

    api.get(
      `${API_PREFIX}/entries`,
      {
        schema: { querystring: QUERY_SCHEMA },
        // The shared query model is the validator, so every engine rejects the same requests.
        validatorCompiler: () => (data: unknown) => {
          const raw = (data ?? {}) as RawQuery;
          const capped = checkLimits(raw);
          if (capped) return { error: new ParamFailure(capped) };
          const result = parseSearchParams(raw);
          return result.ok ? { value: result.params } : { error: new ParamFailure(result.error) };
        },
      },
      async (request, reply) => {
        const params = request.query as SearchParams;
        const encoding = negotiate(request.headers['accept-encoding']);
        const key = toQueryString(params);
        // The snapshot is taken when the answer is computed: an older one may be closed by then.
        let revision = 0;
        const answer = () => {
          const { engine, responses, version } = live.current;
          revision = version;
          return responses.get(key, encoding, () => engine.search(params));
        };
        // Only computing waits its turn; a cached answer goes out at once.
        const rep = await (live.current.responses.has(key) ? answer() : searches.run(answer));
        return send(request, reply.header(REVISION_HEADER, String(revision)), rep);
      },
    );

    api.get<{ Params: { id: string } }>(`${API_PREFIX}/entries/:id`, async (request, reply) => {
      const { engine, version } = live.current;
      reply.header(REVISION_HEADER, String(version));
      const found = engine.entry(request.params.id);
      // The revision is the ETag that PUT /entries/{id} expects in If-Match.
      return found === undefined
        ? sendError(reply, 404, `No entry with id ${JSON.stringify(request.params.id.slice(0, 64))}`)
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
  for (const { prefix, root, hidden, immutable } of options.staticRoots ?? []) {
    if (!existsSync(root)) continue;
    const dir = resolve(root);
    app.register(fastifyStatic, {
      root: dir,
      prefix,
      // 404 for any path with a segment starting with ".", however it is spelled (/%2eenv).
      dotfiles: 'ignore',
      ...(hidden ? { allowedPath: (path: string) => !hidden.test(path) } : {}),
      decorateReply: !decorated,
      etag: true,
      lastModified: true,
      setHeaders: (reply: FastifyReply, path: string) => {
        pageHeaders(reply, path);
        if (immutable?.test(`/${relative(dir, path).split(sep).join('/')}`)) reply.header('cache-control', IMMUTABLE);
      },
      // Pages answer without ".html" too: /manage is demo/manage.html.
      extensions: ['html'],
    });
    decorated = true;
  }
  return app;
}
