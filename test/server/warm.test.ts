/**
 * One-time work happens before the server listens, not inside a visitor's first search: here,
 * loading ICU's word-break dictionary, which a first Chinese query used to pay for (about 55 ms
 * of one event-loop turn, while /health and everything else waited).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateEntries } from '../../scripts/sample/generate.js';
import { tempDir } from './helpers.js';

/** Every word segmentation in this process, in order (the server keeps one segmenter). */
const segmented: string[] = [];
let segmenters = 0;
const Segmenter = Intl.Segmenter;
class CountingSegmenter extends Segmenter {
  constructor(...args: ConstructorParameters<typeof Segmenter>) {
    super(...args);
    segmenters++;
  }
  override segment(input: string) {
    segmented.push(input);
    return super.segment(input);
  }
}
Object.defineProperty(Intl, 'Segmenter', { value: CountingSegmenter, configurable: true, writable: true });
// Imported after the spy is in place, so the server's segmenter is one of ours.
const { buildApp } = await import('../../server/app.js');
const { writeDatabase } = await import('../../server/db.js');

test('Chinese text is segmented before listen resolves; the first Chinese search creates nothing', async () => {
  const dir = tempDir();
  const dbPath = join(dir, 'warm.db');
  writeDatabase(generateEntries(600, 8), dbPath);
  const app = buildApp({ dbPath });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    assert.ok(
      segmented.some((text) => /\p{Script=Han}/u.test(text)),
      'a Chinese text was segmented before the server listened',
    );
    const [made, calls] = [segmenters, segmented.length];
    const res = await app.inject({ url: `/api/v1/entries?q=${encodeURIComponent('远程医疗服务')}` });
    assert.equal(res.statusCode, 200);
    assert.ok(res.json().total > 0);
    assert.equal(segmenters, made, 'no segmenter created by the search');
    assert.ok(segmented.length > calls, 'the search segmented its query with the warm one');
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
