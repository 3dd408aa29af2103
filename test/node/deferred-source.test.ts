import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DeferredSource } from '../../src/data/deferred-source.js';
import type { Entry } from '../../src/data/entry.js';
import { parseSearchParams } from '../../src/data/evaluate.js';
import { SourceError, type DataSource, type SourceResponse } from '../../src/data/source.js';
import { makeEntry } from '../fixtures/entries.js';

const parsed = parseSearchParams(new URLSearchParams('q=health'));
assert.ok(parsed.ok);
const params = parsed.params;
const signal = new AbortController().signal;

class Loaded implements DataSource {
  disposed = 0;
  async search(): Promise<SourceResponse> {
    return { total: 7 } as SourceResponse;
  }
  async getEntry(id: string): Promise<Entry> {
    return makeEntry(id);
  }
  dispose(): void {
    this.disposed++;
  }
}

describe('DeferredSource', () => {
  test('loads the real source once, on first use, and passes calls through', async () => {
    let loads = 0;
    const real = new Loaded();
    const source = new DeferredSource(async () => (loads++, real));
    assert.equal(loads, 0);
    const [a, b] = await Promise.all([source.search(params, signal), source.getEntry('x1', signal)]);
    assert.equal(a.total, 7);
    assert.equal(b.id, 'x1');
    await source.search(params, signal);
    assert.equal(loads, 1);
  });

  test('a failed load fails the request as a network error, and the next request loads again', async () => {
    let loads = 0;
    const source = new DeferredSource(async () => {
      if (loads++ === 0) throw new Error('script blocked');
      return new Loaded();
    });
    await assert.rejects(source.search(params, signal), (error: unknown) => {
      assert.ok(error instanceof SourceError);
      assert.equal(error.code, 'network');
      assert.match(error.message, /script blocked/);
      return true;
    });
    assert.equal((await source.search(params, signal)).total, 7);
    assert.equal(loads, 2);
  });

  test('dispose releases the loaded source, even one that arrives later', async () => {
    const early = new Loaded();
    const first = new DeferredSource(async () => early);
    await first.search(params, signal);
    first.dispose();
    assert.equal(early.disposed, 1);

    let arrive!: (source: DataSource) => void;
    const late = new Loaded();
    const second = new DeferredSource(() => new Promise((resolve) => (arrive = resolve)));
    const pending = second.search(params, signal);
    second.dispose();
    arrive(late);
    await pending;
    assert.ok(late.disposed >= 1);
  });
});
