/**
 * The network side of the link checker: one URL in, the chain of responses (or the failure) out.
 * Limits: `concurrency` requests in total and `perHost` at a time per host name; a 429 (or a 503 with
 * Retry-After) holds back every request to that host until the time it names.
 */
import type { LookupFunction } from 'node:net';
import pLimit, { type LimitFunction } from 'p-limit';
import { Agent, request } from 'undici';

export interface ProbeOptions {
  /** Requests in flight over all hosts. */
  concurrency: number;
  /** Requests in flight to one host name. */
  perHost: number;
  connectTimeoutMs: number;
  /** From sending a request to the last byte read of its answer. */
  responseTimeoutMs: number;
  maxRedirects: number;
  userAgent: string;
  /** Longest Retry-After waited for; a longer one fails the check as rate-limited. */
  maxRetryAfterMs: number;
  /** Back-off after a 429 that names no time. */
  defaultRetryAfterMs: number;
  /** Retries of one request after 429s. */
  retries429: number;
  /** Most bytes of a body read, to look for parking markers; the rest is never downloaded. */
  bodyBytes: number;
  /** Name resolution; tests inject a stub so no real DNS is used. */
  lookup?: LookupFunction;
}

export const DEFAULT_PROBE_OPTIONS: Omit<ProbeOptions, 'userAgent'> = {
  concurrency: 32,
  perHost: 2,
  connectTimeoutMs: 10_000,
  responseTimeoutMs: 20_000,
  maxRedirects: 10,
  maxRetryAfterMs: 120_000,
  defaultRetryAfterMs: 30_000,
  retries429: 2,
  bodyBytes: 16_384,
};

export type ProbeError =
  | 'dns' // the name does not exist
  | 'dns-temporary'
  | 'refused'
  | 'connect-timeout'
  | 'timeout'
  | 'reset'
  | 'tls'
  | 'loop'
  | 'too-many-redirects'
  | 'bad-redirect'
  | 'rate-limited'
  | 'error';

export interface Hop {
  url: string;
  method: 'HEAD' | 'GET';
  code: number;
}

export type ProbeResult =
  | { kind: 'response'; hops: Hop[]; code: number; finalUrl: string; body?: string }
  | { kind: 'error'; hops: Hop[]; error: ProbeError; message: string; finalUrl: string };

interface Answer {
  code: number;
  location?: string;
  retryAfter?: string;
  body?: string;
  /** A HEAD answer announcing a small HTML page, worth a GET to look for parking markers. */
  smallHtml?: boolean;
}

interface HostSlot {
  limit: LimitFunction;
  /** No request to the host before this time (ms since epoch). */
  until: number;
  users: number;
}

class RateLimited extends Error {}
/** The run was stopped before this check sent anything. */
class Stopped extends Error {}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export class Prober {
  readonly options: ProbeOptions;
  private readonly agent: Agent;
  private readonly total: LimitFunction;
  private readonly hosts = new Map<string, HostSlot>();
  /** Highest number of requests seen in flight at once, per host and in total (for progress and tests). */
  peakTotal = 0;

  constructor(options: Partial<ProbeOptions> & { userAgent: string }) {
    this.options = { ...DEFAULT_PROBE_OPTIONS, ...options };
    const { connectTimeoutMs, responseTimeoutMs, perHost, lookup } = this.options;
    this.agent = new Agent({
      connect: { timeout: connectTimeoutMs, ...(lookup ? { lookup } : {}) },
      connections: perHost,
      headersTimeout: responseTimeoutMs,
      bodyTimeout: responseTimeoutMs,
      keepAliveTimeout: 2_000,
    });
    this.total = pLimit(this.options.concurrency);
  }

  close(): Promise<void> {
    return this.agent.close();
  }

  /**
   * Follows the redirects from `start`; HEAD first, GET where HEAD is refused. Once `stop` is aborted, a check
   * that has not sent its first request gives `undefined`; one under way runs to its end.
   */
  async probe(start: string, stop?: AbortSignal): Promise<ProbeResult | undefined> {
    const hops: Hop[] = [];
    const seen = new Set<string>();
    let url: URL;
    try {
      url = new URL(start);
    } catch {
      return { kind: 'error', hops, error: 'bad-redirect', message: 'not a URL', finalUrl: start };
    }
    const fail = (error: ProbeError, message: string): ProbeResult => ({
      kind: 'error',
      hops,
      error,
      message,
      finalUrl: url.href,
    });
    for (;;) {
      if (seen.has(url.href)) return fail('loop', `redirect loop back to ${url.href}`);
      seen.add(url.href);
      let method: Hop['method'] = 'HEAD';
      let answer: Answer;
      try {
        answer = await this.ask(url, method, hops.length ? undefined : stop);
        // Many servers refuse or mishandle HEAD (405, 501, 403, even 404): ask again with GET.
        if (answer.code >= 400 && answer.code !== 429) answer = await this.ask(url, (method = 'GET'));
        // A small HTML page is cheap to read, and parked pages are small.
        else if (answer.smallHtml) answer = await this.ask(url, (method = 'GET'));
      } catch (err) {
        if (err instanceof Stopped) return undefined;
        if (err instanceof RateLimited) return fail('rate-limited', err.message);
        const [error, message] = describeError(err);
        return fail(error, message);
      }
      hops.push({ url: url.href, method, code: answer.code });
      if (!REDIRECTS.has(answer.code)) {
        return { kind: 'response', hops, code: answer.code, finalUrl: url.href, body: answer.body };
      }
      if (!answer.location) return fail('bad-redirect', `${answer.code} without a Location header`);
      let next: URL;
      try {
        next = new URL(answer.location, url);
      } catch {
        return fail('bad-redirect', `unreadable Location: ${answer.location.slice(0, 200)}`);
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:')
        return fail('bad-redirect', `redirect to a ${next.protocol} URL`);
      if (hops.length > this.options.maxRedirects)
        return fail('too-many-redirects', `more than ${this.options.maxRedirects} redirects`);
      url = next;
    }
  }

  /** One request, repeated after 429s while the wait they ask for is acceptable. */
  private async ask(url: URL, method: Hop['method'], stop?: AbortSignal): Promise<Answer> {
    for (let attempt = 0; ; attempt++) {
      const answer = await this.send(url, method, attempt ? undefined : stop);
      if (answer.code !== 429 && answer.code !== 503) return answer;
      const wait = retryAfterMs(answer.retryAfter, Date.now());
      if (answer.code === 503) {
        if (wait !== undefined) this.backOff(url.hostname, Math.min(wait, this.options.maxRetryAfterMs));
        return answer;
      }
      const delay = wait ?? this.options.defaultRetryAfterMs;
      this.backOff(url.hostname, delay);
      if (attempt >= this.options.retries429 || delay > this.options.maxRetryAfterMs) return answer;
    }
  }

  private backOff(host: string, ms: number): void {
    const slot = this.slot(host);
    slot.until = Math.max(slot.until, Date.now() + ms);
    this.release(host, slot);
  }

  private slot(host: string): HostSlot {
    let slot = this.hosts.get(host);
    if (!slot) this.hosts.set(host, (slot = { limit: pLimit(this.options.perHost), until: 0, users: 0 }));
    slot.users++;
    return slot;
  }

  private release(host: string, slot: HostSlot): void {
    if (--slot.users === 0 && slot.until <= Date.now()) this.hosts.delete(host);
  }

  /** Waits for a slot of the host (and its back-off), then for one of the total, then asks. */
  private async send(url: URL, method: Hop['method'], stop?: AbortSignal): Promise<Answer> {
    const host = url.hostname;
    const slot = this.slot(host);
    try {
      return await slot.limit(async () => {
        for (let wait = slot.until - Date.now(); wait > 0; wait = slot.until - Date.now()) {
          if (wait > this.options.maxRetryAfterMs)
            throw new RateLimited(`${host} asked to wait ${Math.round(wait / 1000)} s`);
          await new Promise((resolve) => setTimeout(resolve, wait));
        }
        return this.total(() => {
          if (stop?.aborted) throw new Stopped();
          return this.fetch(url, method);
        });
      });
    } finally {
      this.release(host, slot);
    }
  }

  private async fetch(url: URL, method: Hop['method']): Promise<Answer> {
    this.peakTotal = Math.max(this.peakTotal, this.total.activeCount);
    const signal = AbortSignal.timeout(this.options.responseTimeoutMs);
    const res = await request(url, {
      method,
      dispatcher: this.agent,
      signal,
      headers: { 'user-agent': this.options.userAgent, accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    const header = (name: string) => {
      const value = res.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const html = /^\s*(text\/html|application\/xhtml)/i.test(header('content-type') ?? '');
    const length = Number(header('content-length') ?? NaN);
    const ok = res.statusCode >= 200 && res.statusCode < 300;
    const smallHtml = method === 'HEAD' && ok && html && length > 0 && length <= this.options.bodyBytes;
    let body: string | undefined;
    if (method === 'GET' && html && ok) {
      body = await readPrefix(res.body, this.options.bodyBytes);
    }
    // Whatever is left is not downloaded: the connection is dropped instead.
    res.body.on('error', () => {});
    res.body.destroy();
    return { code: res.statusCode, location: header('location'), retryAfter: header('retry-after'), body, smallHtml };
  }
}

/** Up to `limit` bytes of a stream as text; a stream that fails midway gives what came before. */
async function readPrefix(stream: AsyncIterable<Buffer>, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= limit) break;
    }
  } catch {
    // A timeout or reset after the headers: the start of the page is still worth a look.
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8');
}

/** Retry-After is seconds or an HTTP date; anything else is ignored. */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH)/;

/** Maps Node, undici and abort errors to the few kinds the classification needs. */
export function describeError(err: unknown): [ProbeError, string] {
  const e = err as { code?: string; name?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.code ?? e.cause?.code ?? '';
  const message = (e.message || e.cause?.message || String(err)).slice(0, 300);
  if (code === 'ENOTFOUND' || code === 'ENODATA') return ['dns', message];
  if (code === 'EAI_AGAIN' || code === 'ESERVFAIL') return ['dns-temporary', message];
  if (code === 'ECONNREFUSED') return ['refused', message];
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') return ['connect-timeout', message];
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return ['timeout', message];
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || code === 'UND_ERR_ABORTED') return ['timeout', message];
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return ['reset', message];
  if (TLS_CODES.test(code)) return ['tls', message];
  return ['error', `${code ? `${code}: ` : ''}${message}`];
}
