/**
 * Entry of dist/wsis-static-index.js. In a worker it answers Request messages; loaded as a
 * classic <script> (CSP forbids workers) it registers the same host for main-thread use.
 * No exports: the IIFE build must not add a page global.
 */
import { SourceError } from '../source.js';
import { createHost } from './host.js';
import { ENGINE_KEY, type Reply, type Request } from './protocol.js';

const WorkerScope = (globalThis as { WorkerGlobalScope?: abstract new () => unknown }).WorkerGlobalScope;

if (WorkerScope !== undefined && self instanceof WorkerScope) {
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
} else {
  Object.defineProperty(globalThis, ENGINE_KEY, {
    value: createHost,
    configurable: true,
    enumerable: false,
    writable: false,
  });
}
