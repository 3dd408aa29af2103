/**
 * The static-mode index in a module worker (`StaticSource` with `useWorker: true`): answers
 * Request messages with the same host the main thread imports.
 */
import { SourceError } from '../source.js';
import { createHost } from './host.js';
import type { Reply, Request } from './protocol.js';

const host = createHost({ mainThread: false });
const post = (reply: Reply) => (self as unknown as { postMessage(m: Reply): void }).postMessage(reply);
self.addEventListener('message', async (event) => {
  const req = (event as MessageEvent<Request>).data;
  try {
    const value =
      req.type === 'load'
        ? await host.load(req.url)
        : req.type === 'search'
          ? await host.search(req.params)
          : await host.getEntry(req.entryId);
    post({ type: 'reply', id: req.id, ok: true, value });
  } catch (error) {
    const e =
      error instanceof SourceError ? error : new SourceError('http', String((error as Error)?.message ?? error));
    post({ type: 'reply', id: req.id, ok: false, code: e.code, message: e.message, status: e.status });
  }
});
post({ type: 'hello' });
