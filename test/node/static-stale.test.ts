/**
 * Static mode under fast typing: a search aborted before the engine gets to it is skipped,
 * on the main thread (keys typed while the index builds) and in the worker (keys typed
 * while it answers an older one).
 */
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSearchParams } from '../../src/data/evaluate.js';
import type { SearchParams } from '../../src/data/query.js';
import { StaticEngine } from '../../src/data/static/engine.js';
import { createHost } from '../../src/data/static/host.js';
import type { Reply, Request } from '../../src/data/static/protocol.js';
import { StaticSource } from '../../src/data/static/static-source.js';
import { generateEntries } from '../../scripts/sample/generate.js';

function params(qs: string): SearchParams {
  const parsed = parseSearchParams(new URLSearchParams(qs));
  assert.ok(parsed.ok, qs);
  return parsed.params;
}

const tick = () => new Promise((resolve) => setTimeout(resolve));
const data = generateEntries(1500, 7);
const fetchData = async () => new Response(JSON.stringify(data), { headers: { 'content-type': 'application/json' } });

describe('stale static searches', () => {
  const restore: (() => void)[] = [];
  afterEach(() => restore.splice(0).forEach((undo) => undo()));

  test('on the main thread, searches aborted while the index builds never run', async () => {
    const asked: string[] = [];
    const search = StaticEngine.prototype.search;
    StaticEngine.prototype.search = function (this: StaticEngine, p: SearchParams) {
      // pageSize 7 tells the keys below from the engine's own warm-up searches.
      if (p.pageSize === 7) asked.push(p.q);
      return search.call(this, p);
    };
    restore.push(() => (StaticEngine.prototype.search = search));
    const host = createHost({ mainThread: true, fetch: fetchData as typeof fetch });
    await host.load('http://127.0.0.1/entries.json');
    const keys = ['h', 'he', 'hea', 'heal', 'health'].map((q) => {
      const controller = new AbortController();
      return {
        controller,
        answer: host.search(params(`q=${q}&pageSize=7`), controller.signal).catch((e: unknown) => e),
      };
    });
    // Each key aborts the one before it, as the store does.
    keys.slice(0, -1).forEach((k) => k.controller.abort());
    const answers = await Promise.all(keys.map((k) => k.answer));
    assert.deepEqual(asked, ['health']);
    for (const stale of answers.slice(0, -1)) assert.equal((stale as { code?: string }).code, 'aborted');
    assert.ok((answers.at(-1) as { total: number }).total > 0);
  });

  test('on the main thread, a search runs in a task after the one that asked for it', async () => {
    const host = createHost({ mainThread: true, fetch: fetchData as typeof fetch });
    await host.load('http://127.0.0.1/entries.json');
    await host.search(params('q=health'));
    let answered = false;
    const answer = host.search(params('q=health&pageSize=7')).then(() => (answered = true));
    // Every microtask of this task has run, and the engine has not answered yet.
    for (let i = 0; i < 50; i++) await Promise.resolve();
    assert.equal(answered, false);
    await answer;
    assert.equal(answered, true);
  });

  test('on the main thread, the answer comes in a task after the search, where the results are rendered', async () => {
    const host = createHost({ mainThread: true, fetch: fetchData as typeof fetch });
    await host.load('http://127.0.0.1/entries.json');
    await host.search(params('q=health'));
    // Set once every microtask queued in the searching task has run: that task is over.
    let searchTaskOver = false;
    const search = StaticEngine.prototype.search;
    StaticEngine.prototype.search = function (this: StaticEngine, p: SearchParams) {
      void (async () => {
        for (let i = 0; i < 100; i++) await Promise.resolve();
        searchTaskOver = true;
      })();
      return search.call(this, p);
    };
    restore.push(() => (StaticEngine.prototype.search = search));
    const overWhenAnswered = await host.search(params('q=health&pageSize=7')).then(() => searchTaskOver);
    assert.equal(overWhenAnswered, true);
  });

  test('in a worker, searches aborted while it answers an older one are never posted', async () => {
    const posted: Request[] = [];
    const held: (() => void)[] = [];
    /** Answers loads at once and holds each search's reply until the test releases it. */
    class FakeWorker extends EventTarget {
      constructor() {
        super();
        setTimeout(() => this.#reply({ type: 'hello' }));
      }
      postMessage(req: Request) {
        posted.push(req);
        const value = req.type === 'load' ? { count: 1, dropped: 0 } : { total: 0, items: [], facets: {} };
        const send = () => this.#reply({ type: 'reply', id: req.id, ok: true, value });
        if (req.type === 'search') held.push(send);
        else setTimeout(send);
      }
      terminate() {}
      #reply(data: Reply) {
        this.dispatchEvent(Object.assign(new Event('message'), { data }));
      }
    }
    const original = (globalThis as { Worker?: unknown }).Worker;
    (globalThis as { Worker?: unknown }).Worker = FakeWorker;
    restore.push(() => ((globalThis as { Worker?: unknown }).Worker = original));

    const source = new StaticSource('http://127.0.0.1/entries.json', {
      useWorker: true,
      workerUrl: 'http://127.0.0.1/worker.js',
    });
    restore.push(() => source.dispose());
    const first = source.search(params('q=h'), new AbortController().signal);
    while (!held.length) await tick();
    // Keys come a task apart, each aborting the one before, as the store does.
    const stale: Promise<unknown>[] = [];
    let previous: AbortController | undefined;
    for (const q of ['he', 'hea', 'heal']) {
      const controller = new AbortController();
      stale.push(source.search(params(`q=${q}`), controller.signal).catch((e: unknown) => e));
      await tick();
      previous?.abort();
      previous = controller;
    }
    const last = source.search(params('q=health'), new AbortController().signal);
    await tick();
    previous!.abort();
    for (const answer of stale) assert.equal(((await answer) as { code?: string }).code, 'aborted');
    held.shift()!();
    await first;
    while (!held.length) await tick();
    held.shift()!();
    await last;
    const searched = posted.flatMap((r) => (r.type === 'search' ? [r.params.q] : []));
    assert.deepEqual(searched, ['h', 'health']);
  });
});
