/** The contract's error answers (docs/api.md, "Errors"), for routes and for requests Node could not parse. */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply } from 'fastify';
import { SECURITY_HEADERS } from './headers.js';

const CACHE_CONTROL = 'public, max-age=60';

/** Headers every error carries, so a cross-origin widget can read it instead of seeing a network error. */
const ERROR_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'Retry-After',
  ...SECURITY_HEADERS,
};

/** The documented codes, else the status's reason phrase in snake case (405 → method_not_allowed). */
export function codeFor(status: number): string {
  const known: Record<number, string> = {
    404: 'not_found',
    429: 'rate_limited',
    500: 'internal_error',
    503: 'unavailable',
  };
  return known[status] ?? (STATUS_CODES[status] ?? 'error').toLowerCase().replace(/[^a-z]+/g, '_');
}

export function errorBody(code: string, message: string, parameter?: string): string {
  return JSON.stringify({ error: { code, message, ...(parameter ? { parameter } : {}) } });
}

export function sendError(reply: FastifyReply, status: number, message: string, parameter?: string) {
  const code = parameter ? 'invalid_parameter' : codeFor(status);
  return reply
    .code(status)
    .headers(ERROR_HEADERS)
    .type('application/json; charset=utf-8')
    .header('cache-control', status >= 500 || status === 405 ? 'no-store' : CACHE_CONTROL)
    .send(errorBody(code, message, parameter));
}

/** Node's parser errors (oversized headers, bytes that are not HTTP, unknown methods), answered in the contract's shape. */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'The request line and headers must be under 16 kB']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'The request was not received in time']
        : err.code === 'HPE_INVALID_METHOD'
          ? [501, 'Unknown HTTP method; this server answers GET and HEAD']
          : [400, 'Malformed HTTP request'];
  const body = errorBody(codeFor(status), message);
  const headers = Object.entries({
    ...ERROR_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    connection: 'close',
  }).map(([name, value]) => `${name}: ${value}\r\n`);
  if (socket.writable) socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${headers.join('')}\r\n${body}`);
  else socket.destroy();
}
