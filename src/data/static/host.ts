/** The engine behind the worker protocol: fetches the data file, builds the index, answers. */
import { abortedError, fetchJson, nativeFetch } from '../fetch-json.js';
import { tokenize } from '../query.js';
import { SourceError } from '../source.js';
import { StaticEngine } from './engine.js';
import type { EngineHost, HostOptions } from './protocol.js';

/** Yields to the event loop; a MessageChannel avoids the 4 ms clamp of nested timers. */
function pause(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(0);
  });
}

/**
 * Searches without text are answered as soon as the file is validated; text searches
 * wait for the index, which is built in slices so those early answers are not held up.
 */
export function createHost(options: HostOptions): EngineHost {
  let engine: StaticEngine | undefined;
  let indexing: Promise<void> | undefined;
  const ready = async (needsIndex: boolean) => {
    if (!engine) throw new SourceError('invalid_response', 'The data file is not loaded yet');
    if (needsIndex) await indexing;
    return engine;
  };
  const slices = { pause, sliceMs: options.mainThread ? 25 : 100 };
  return {
    async load(url) {
      const fetchFn = options.fetch ?? nativeFetch;
      if (!fetchFn) throw new SourceError('network', 'fetch() is not available');
      const data = await fetchJson(url, undefined, {
        fetch: fetchFn,
        timeoutMs: 30_000,
        retries: 2,
        baseDelayMs: 300,
        label: 'The data file',
      });
      engine = await StaticEngine.prepare(data, slices);
      indexing = engine.index(slices);
      return { count: engine.entries.length, dropped: engine.dropped };
    },
    async search(params, signal) {
      const found = await ready(tokenize(params.q).length > 0);
      // On the main thread a search runs in a task of its own, so the key that asked for it ends first
      // and its paint is not held up; a newer key may abort it meanwhile.
      if (options.mainThread) await pause();
      // Keys typed while the index builds queue up here; only those still wanted run.
      if (signal?.aborted) throw abortedError();
      const answer = found.search(params);
      // And the answer's rendering in another: a broad word's search and its results together could
      // hold the page for over 50 ms.
      if (options.mainThread) await pause();
      if (signal?.aborted) throw abortedError();
      return answer;
    },
    async getEntry(id) {
      return (await ready(false)).getEntry(id);
    },
  };
}
