/**
 * The load bench's /health probe (bench/api.ts) measures the server, not the load generator: it
 * keeps asking while the generator's thread is busy (autocannon builds its requests up front).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { healthProbe } from '../../bench/api.js';

// A server on a thread of its own, so blocking this thread blocks neither side of the probe.
const SERVER = `
const { parentPort } = require('node:worker_threads');
const server = require('node:http').createServer((_req, res) => res.end('{"status":"ok"}'));
server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));
parentPort.once('message', () => server.close(() => process.exit(0)));
`;

test('the /health probe keeps measuring while the thread that drives the load is busy', async () => {
  const server = new Worker(SERVER, { eval: true });
  const port = await new Promise<number>((resolve) => server.once('message', resolve));
  const probe = await healthProbe(`http://127.0.0.1:${port}/api/v1/health`, 20);
  try {
    await new Promise((resolve) => setTimeout(resolve, 200));
    // What autocannon does when it starts: seconds of synchronous work on this thread.
    const from = Date.now();
    while (Date.now() - from < 800);
    const to = Date.now();
    const samples = await probe.stop();
    const during = samples.filter((s) => s.at >= from && s.at + s.ms <= to);
    assert.ok(during.length >= 2, `${during.length} of ${samples.length} probes ran while this thread was busy`);
  } finally {
    server.postMessage('stop');
    await new Promise((resolve) => server.once('exit', resolve));
  }
});
