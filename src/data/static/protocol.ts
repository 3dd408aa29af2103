/** What the static engine host offers, wherever it runs (worker or main thread). Types only. */
import type { Entry } from '../entry.js';
import type { SearchParams } from '../query.js';
import type { SourceErrorCode, SourceResponse } from '../source.js';

export interface LoadInfo {
  count: number;
  dropped: number;
}

export interface EngineHost {
  load(url: string): Promise<LoadInfo>;
  /** A search aborted before its turn is skipped: it rejects as aborted without running. */
  search(params: SearchParams, signal?: AbortSignal): Promise<SourceResponse>;
  getEntry(id: string): Promise<Entry | undefined>;
}

export interface HostOptions {
  /** On the main thread: work in slices of at most 25 ms so input stays responsive. */
  mainThread: boolean;
  fetch?: typeof fetch;
}

export type HostFactory = (options: HostOptions) => EngineHost;

export type Request =
  | { id: number; type: 'load'; url: string }
  | { id: number; type: 'search'; params: SearchParams }
  | { id: number; type: 'get'; entryId: string };

export type Reply =
  | { type: 'hello' }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; code: SourceErrorCode; message: string; status?: number };
