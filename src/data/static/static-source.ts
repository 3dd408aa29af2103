/**
 * Static mode: searches a JSON data file in the browser. The engine (and MiniSearch) is its own
 * chunk, imported on first use and run on the main thread in slices; `useWorker: true` runs it in a
 * module worker instead. This file must stay free of engine imports to keep the main bundle small.
 */
import type { Entry } from '../entry.js';
import { abortedError, nativeFetch } from '../fetch-json.js';
import type { SearchParams } from '../query.js';
import { SourceError, type DataSource, type SourceResponse } from '../source.js';
import type { EngineHost, HostFactory, Reply, Request } from './protocol.js';

export interface StaticSourceOptions {
  /**
   * Runs the engine in a worker (default false). `new Worker()` is a Trusted Types sink: on a page
   * that enforces Trusted Types the worker is refused and the main thread takes over.
   * Off by default: a refused worker is a reported CSP violation the page cannot be asked about
   * beforehand, it loads the engine a second time, and at a few thousand entries a key costs the
   * main thread a few milliseconds (`scripts/engine-keys.ts`). Worth it for much larger files.
   */
  useWorker?: boolean;
  /** Defaults to the worker chunk beside this module. */
  workerUrl?: string | URL;
  /** 'module' (the default) or 'classic'. */
  workerType?: 'classic' | 'module';
  /** Supplies the main-thread engine (tests); defaults to importing its chunk. */
  loadHost?: () => Promise<HostFactory>;
  /** How long a worker may take to start before the main thread takes over. */
  workerStartMs?: number;
}

type Call = Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

const absolute = (url: string | URL) =>
  new URL(url, typeof document !== 'undefined' ? document.baseURI : globalThis.location?.href).href;

function race<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortedError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortedError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** A worker-backed host; replies to calls nobody waits for any more are dropped by id. */
class WorkerHost implements EngineHost {
  #nextId = 0;
  #pending = new Map<number, { resolve(v: unknown): void; reject(e: SourceError): void }>();

  constructor(
    readonly worker: Worker,
    onCrash: () => void,
  ) {
    worker.addEventListener('message', (event: MessageEvent<Reply>) => {
      const reply = event.data;
      if (reply.type !== 'reply') return;
      const call = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (reply.ok) call?.resolve(reply.value);
      else call?.reject(new SourceError(reply.code, reply.message, reply.status));
    });
    worker.addEventListener('error', () => {
      this.fail(new SourceError('http', 'The search worker stopped'));
      onCrash();
    });
  }

  call<T>(message: Call): Promise<T> {
    const id = ++this.#nextId;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...message, id } as Request);
    });
  }

  load = (url: string) => this.call<{ count: number; dropped: number }>({ type: 'load', url });
  /** The search in the worker, or queued behind it: the worker gets one search at a time. */
  #searching: Promise<unknown> = Promise.resolve();

  /**
   * The worker answers messages in order, so searches posted while it is busy would all run,
   * however stale. They wait here instead, and those aborted meanwhile are never posted.
   */
  search = (params: SearchParams, signal?: AbortSignal) => {
    const turn = this.#searching.then(() => {
      if (signal?.aborted) throw abortedError();
      return this.call<SourceResponse>({ type: 'search', params });
    });
    this.#searching = turn.catch(() => undefined);
    return turn;
  };
  getEntry = (entryId: string) => this.call<Entry | undefined>({ type: 'get', entryId });

  fail(error: SourceError): void {
    for (const call of this.#pending.values()) call.reject(error);
    this.#pending.clear();
  }
}

/** A cross-origin worker script (CDN) needs a same-origin blob that imports it. */
function startWorker(url: string | undefined, type: 'classic' | 'module'): Worker {
  if (!url) return new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  if (typeof location !== 'undefined' && new URL(url).origin !== location.origin) {
    const body = type === 'module' ? `import ${JSON.stringify(url)};` : `importScripts(${JSON.stringify(url)});`;
    return new Worker(URL.createObjectURL(new Blob([body], { type: 'text/javascript' })), { type });
  }
  return new Worker(url, { type });
}

/** Resolves once the worker says hello; rejects if it errors (CSP, 404) or stays silent. */
function whenStarted(worker: Worker, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error('worker start timed out')), ms);
    const onMessage = (event: MessageEvent<Reply>) => event.data?.type === 'hello' && done();
    const onError = (event: Event) => {
      event.preventDefault();
      done(new Error('worker failed to start'));
    };
    function done(error?: Error) {
      clearTimeout(timer);
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      if (error) reject(error);
      else resolve();
    }
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
  });
}

export class StaticSource implements DataSource {
  readonly #dataUrl: string;
  readonly #workerUrl?: string;
  readonly #options: StaticSourceOptions;
  #host?: Promise<EngineHost>;
  #worker?: WorkerHost;

  constructor(url: string, options: StaticSourceOptions = {}) {
    this.#dataUrl = absolute(url);
    this.#workerUrl = options.workerUrl === undefined ? undefined : absolute(options.workerUrl);
    this.#options = options;
  }

  async search(params: SearchParams, signal: AbortSignal): Promise<SourceResponse> {
    const host = await race(this.#ready(), signal);
    return race(host.search(params, signal), signal);
  }

  async getEntry(id: string, signal: AbortSignal): Promise<Entry> {
    const host = await race(this.#ready(), signal);
    const entry = await race(host.getEntry(id), signal);
    if (!entry) throw new SourceError('not_found', `No entry has the id "${id}"`, 404);
    return entry;
  }

  dispose(): void {
    this.#worker?.fail(abortedError());
    this.#worker?.worker.terminate();
    this.#worker = undefined;
    this.#host = undefined;
  }

  /** Starts once; a failed start is forgotten so a retry starts again. */
  #ready(): Promise<EngineHost> {
    if (!this.#host) {
      this.#host = this.#start();
      this.#host.catch(() => (this.#host = undefined));
    }
    return this.#host;
  }

  async #start(): Promise<EngineHost> {
    const host = this.#options.useWorker ? await this.#startWorker() : undefined;
    const chosen = host ?? (await this.#mainThreadFactory())({ mainThread: true, fetch: nativeFetch });
    await chosen.load(this.#dataUrl);
    return chosen;
  }

  async #startWorker(): Promise<EngineHost | undefined> {
    let worker: Worker | undefined;
    try {
      worker = startWorker(this.#workerUrl, this.#options.workerType ?? 'module');
      await whenStarted(worker, this.#options.workerStartMs ?? 10_000);
    } catch {
      worker?.terminate();
      return undefined;
    }
    this.#worker = new WorkerHost(worker, () => {
      this.#worker = undefined;
      this.#host = undefined;
    });
    return this.#worker;
  }

  async #mainThreadFactory(): Promise<HostFactory> {
    if (this.#options.loadHost) return this.#options.loadHost();
    return import('./host.js').then(
      (m) => m.createHost,
      (error: unknown) => {
        throw new SourceError('network', `The search index could not be loaded: ${(error as Error)?.message ?? error}`);
      },
    );
  }
}
