import type { Entry } from './entry.js';
import type { SearchParams, SearchResponse } from './query.js';

/** What every data source answers: the docs/api.md search, one entry, and how many items it dropped. */
export interface SourceResponse extends SearchResponse {
  /** Items that failed validation and were left out of `items`. */
  dropped: number;
}

export interface DataSource {
  search(params: SearchParams, signal: AbortSignal): Promise<SourceResponse>;
  getEntry(id: string, signal: AbortSignal): Promise<Entry>;
  /** Releases workers and caches. */
  dispose?(): void;
}

export type SourceErrorCode =
  | 'network' // offline or refused
  | 'timeout'
  | 'http' // an unexpected status
  | 'server' // 5xx
  | 'rate_limited' // 429
  | 'invalid_parameter' // 400
  | 'not_found' // 404
  | 'invalid_response' // not JSON, or outside the contract
  | 'aborted';

/** Every failure a source reports is one of these, with a message fit for a console. */
export class SourceError extends Error {
  override name = 'SourceError';
  constructor(
    readonly code: SourceErrorCode,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}
