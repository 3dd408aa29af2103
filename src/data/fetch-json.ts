import { SourceError } from './source.js';

/**
 * Captured once: by the script build's stub, which loads before page code, else when this module
 * is evaluated. So a host page that later patches window.fetch (to add headers or credentials) cannot
 * turn our CORS-simple GETs into preflighted or credentialed ones.
 */
export const nativeFetch: typeof fetch | undefined = (stubFetch() ?? globalThis.fetch)?.bind(globalThis);

/** The fetch the script build's classic stub (src/stub.ts) took when it ran, before the module. */
function stubFetch(): typeof fetch | undefined {
  const handed = (globalThis as Record<symbol, { fetch?: unknown } | undefined>)[Symbol.for('wsis-stocktaking')]?.fetch;
  return typeof handed === 'function' ? (handed as typeof fetch) : undefined;
}

export interface FetchJsonOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  retries: number;
  baseDelayMs: number;
  /** Who answered, for messages: "The API", "The data file". */
  label?: string;
  /** Larger bodies are refused unread (by Content-Length) or cut off while reading. */
  maxBytes?: number;
  /** The HTTP cache mode; `no-cache` revalidates a copy the browser holds. */
  cache?: RequestCache;
  /** Hears the headers of the answer whose body is returned. */
  onHeaders?: (headers: Headers) => void;
}

/** A page holds at most 100 entries; far more than that is a broken or hostile server. */
export const MAX_API_BODY_BYTES = 4 * 1024 * 1024;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

const retryable = (e: SourceError) => e.code === 'network' || e.code === 'server' || e.code === 'rate_limited';

export const abortedError = () => new SourceError('aborted', 'The request was cancelled');

/** Resolves after `ms`, or rejects as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortedError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The body as text, refusing it once it grows past `maxBytes`. */
async function readBody(response: Response, maxBytes: number, label: string): Promise<string> {
  const tooLarge = () =>
    new SourceError(
      'invalid_response',
      `${label} answered with more than ${maxBytes} bytes (larger than ${Math.round(maxBytes / 1048576)} MB); the answer was refused`,
      response.status,
    );
  if (Number(response.headers.get('Content-Length')) > maxBytes) {
    void response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) {
      void reader.cancel().catch(() => {});
      throw tooLarge();
    }
    text += decoder.decode(value, { stream: true });
  }
}

/**
 * An error answer as a SourceError. Its reading is a chunk loaded on the first one; should that
 * chunk not load, the status still decides whether the request is retried.
 */
function httpError(response: Response, label: string): Promise<SourceError> {
  const { status } = response;
  return import('./http-error.js').then(
    (m) => m.errorFromBody(response, label),
    () => new SourceError(status >= 500 ? 'server' : 'http', `${label} answered HTTP ${status}`, status),
  );
}

/** One GET with its own timeout; maps every failure to a SourceError. */
async function attempt(
  url: string,
  signal: AbortSignal | undefined,
  o: FetchJsonOptions,
  label: string,
): Promise<unknown> {
  if (signal?.aborted) throw abortedError();
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, o.timeoutMs);
  const fail = (error: unknown): SourceError => {
    if (error instanceof SourceError) return error;
    if (signal?.aborted) return abortedError();
    if (timedOut)
      return new SourceError('timeout', `${label} did not answer within ${Math.round(o.timeoutMs / 1000)} s`);
    return new SourceError('network', `${label} could not be reached (${(error as Error)?.message ?? error})`);
  };
  try {
    // Only CORS-simple requests: no headers, no credentials, so no preflight.
    const response = await o.fetch(url, {
      method: 'GET',
      mode: 'cors',
      credentials: 'omit',
      cache: o.cache,
      signal: controller.signal,
    });
    if (!response.ok) throw await httpError(response, label);
    const type = response.headers.get('Content-Type') ?? '';
    if (!JSON_TYPE.test(type)) {
      void response.body?.cancel().catch(() => {});
      const what = type.split(';')[0].trim() || 'no content type';
      throw new SourceError('invalid_response', `${label} answered with ${what} instead of JSON`, response.status);
    }
    o.onHeaders?.(response.headers);
    const text = o.maxBytes === undefined ? await response.text() : await readBody(response, o.maxBytes, label);
    try {
      return JSON.parse(text);
    } catch {
      throw new SourceError('invalid_response', `${label} answered with malformed or truncated JSON`, response.status);
    }
  } catch (error) {
    throw fail(error);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * GETs JSON, retrying only network errors, 5xx and 429 (docs/api.md retry policy),
 * with exponential backoff and jitter, or the server's Retry-After.
 */
export async function fetchJson(url: string, signal: AbortSignal | undefined, o: FetchJsonOptions): Promise<unknown> {
  const label = o.label ?? 'The API';
  for (let n = 0; ; n++) {
    try {
      return await attempt(url, signal, o, label);
    } catch (error) {
      const e = error as SourceError;
      if (!retryable(e) || n >= o.retries) throw e;
      const backoff = o.baseDelayMs * 2 ** n * (0.5 + Math.random());
      await sleep(e.retryAfterMs ?? backoff, signal);
    }
  }
}
