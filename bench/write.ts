/**
 * `npm run bench:write [-- --size 20000 --writes 30 --poll-ms 250]`: how long a saved change takes to
 * be searchable on the writer and on a read copy in another process, over a fresh sample database.
 * Each write renames an entry to carry a unique word; the time runs from the PUT's answer until a
 * search for that word finds it. Also reports the writer's incremental snapshot builds.
 * Results: bench/write-results.json.
 */
import { writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Client, editable, spawnReplica, startWriteServer } from '../test/server/write-helpers.js';
import { ms, table } from './table.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '20000' },
    writes: { type: 'string', default: '30' },
    'poll-ms': { type: 'string', default: '250' },
  },
});
const size = Number(values.size);
const writes = Number(values.writes);
const pollMs = Number(values['poll-ms']);

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * q) - 1];
const words = (n: number) => `zq${n.toString(36)}xv`;

async function until(found: () => Promise<boolean>, limitMs = 30_000): Promise<number> {
  const started = performance.now();
  while (!(await found())) {
    if (performance.now() - started > limitMs) return Infinity;
    await new Promise((r) => setTimeout(r, 5));
  }
  return performance.now() - started;
}

const swaps: number[] = [];
const logs = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split('\n')) {
      if (line.includes('"index swapped"')) swaps.push((JSON.parse(line) as { ms: number }).ms);
    }
    done();
  },
});

console.error(`building ${size} sample entries ...`);
const server = await startWriteServer(size, { logger: { level: 'info', stream: logs }, pollMs });
const replica = await spawnReplica(server.dbPath, pollMs);
const admin = new Client(server.base, undefined, undefined, server.tokens.admin);
const found = (base: string, word: string) => async () =>
  ((await (await fetch(`${base}/api/v1/entries?q=${word}`)).json()) as { total: number }).total === 1;

const writer: number[] = [];
const copy: number[] = [];
try {
  for (let i = 0; i < writes; i++) {
    const entry = server.entries[(i * 7919) % server.entries.length];
    const current = await admin.call('GET', `/manage/entries/${entry.id}`);
    const word = words(i);
    const res = await admin.call('PUT', `/entries/${entry.id}`, {
      body: { ...editable(current.body.entry), title: `${current.body.entry.title} ${word}` },
      headers: { 'if-match': current.headers.get('etag')! },
    });
    if (res.status !== 200) throw new Error(`write ${i}: ${res.status}`);
    const saved = performance.now();
    writer.push(await until(found(server.base, word)));
    await until(found(replica.base, word));
    copy.push(performance.now() - saved);
  }
} finally {
  await replica.stop();
  await server.close();
}

const row = (name: string, xs: number[]) => [name, ms(quantile(xs, 0.5)), ms(quantile(xs, 0.95)), ms(Math.max(...xs))];
console.log(
  table(
    ['', 'p50', 'p95', 'max'],
    [
      row('save → searchable (writer)', writer),
      row(`save → searchable (read copy, poll ${pollMs} ms)`, copy),
      row('incremental snapshot build (writer)', swaps),
    ],
  ).join('\n'),
);
const results = { size, writes, pollMs, writerMs: writer, replicaMs: copy, swapMs: swaps };
writeFileSync(fileURLToPath(new URL('./write-results.json', import.meta.url)), JSON.stringify(results, null, 2) + '\n');
