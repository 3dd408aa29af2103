/**
 * What an HTTP error answer means, as a SourceError. A chunk of its own (./fetch-json.ts loads it
 * on the first error answer): a widget whose API answers never fail never loads it.
 */
import { SourceError, type SourceErrorCode } from './source.js';

/** A server asking for a long pause should not freeze the widget for longer than this. */
export const MAX_RETRY_AFTER_MS = 10_000;

function codeForStatus(status: number): SourceErrorCode {
  if (status === 400) return 'invalid_parameter';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  return status >= 500 ? 'server' : 'http';
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS) : undefined;
}

/** The contract's error message when the body has one, the status line otherwise. */
export async function errorFromBody(response: Response, label: string): Promise<SourceError> {
  const status = response.status;
  let message = `${label} answered HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`;
  try {
    const body = JSON.parse(await response.text()) as { error?: { message?: unknown } };
    if (typeof body?.error?.message === 'string' && body.error.message.trim()) message = body.error.message;
  } catch {
    // Not the contract's error shape: keep the plain message.
  }
  const retryAfter = status === 429 || status >= 500 ? parseRetryAfter(response.headers.get('Retry-After')) : undefined;
  return new SourceError(codeForStatus(status), message, status, retryAfter);
}
