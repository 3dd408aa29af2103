/** `npm start`: choosing the database, and stopping cleanly whichever process is signalled. */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { alive, sampleDatabase, spawnServer, tempDir } from './helpers.js';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('--db', () => {
  test('a mistyped path exits with a clear error and creates nothing', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const missing = join(dir, 'stocktakng.db');
    await assert.rejects(
      spawnServer(['--db', missing]).then((server) => {
        server.child.kill('SIGTERM');
        return server;
      }),
      (err: Error) => {
        assert.match(err.message, /No database at .*stocktakng\.db/);
        assert.match(err.message, /--sample/);
        assert.doesNotMatch(err.message, /\n\s+at /, 'no stack trace');
        return true;
      },
    );
    assert.equal(existsSync(missing), false);
  });

  test('a file that is not a stocktaking database exits with a clear error', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = join(dir, 'notes.db');
    writeFileSync(file, 'not sqlite');
    await assert.rejects(spawnServer(['--db', file]), (err: Error) => {
      assert.match(err.message, /Cannot serve .*notes\.db/);
      assert.doesNotMatch(err.message, /\n\s+at /, 'no stack trace');
      return true;
    });
  });

  test('--sample creates sample data at an explicit path', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const path = join(dir, 'sample.db');
    const server = await spawnServer(['--db', path, '--sample']);
    try {
      const health = await (await fetch(`${server.base}api/v1/health`)).json();
      assert.equal(health.entries, 20000);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});

describe('stopping', () => {
  const db = sampleDatabase(20000);
  dirs.push(dirname(db));

  /** A GET through `agent`, resolving to its status and JSON body. */
  function search(agent: Agent, url: string) {
    return new Promise<{ status: number; body: { total?: number } }>((resolve, reject) => {
      get(url, { agent }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
        res.on('error', reject);
      }).on('error', reject);
    });
  }

  /** Starts `npm start`, sends searches, signals `target` while the server is still answering them. */
  async function stopWhileBusy(target: 'npm' | 'server', signal: NodeJS.Signals) {
    const server = await spawnServer(['--db', db], { npm: true });
    const n = 10;
    const agent = new Agent({ keepAlive: true, maxSockets: n });
    // Open every connection first, so the server has accepted them all when the signal comes.
    await Promise.all(Array.from({ length: n }, () => search(agent, `${server.base}api/v1/health`)));
    let answered = 0;
    let first!: () => void;
    const firstAnswer = new Promise<void>((resolve) => (first = resolve));
    const searches = Array.from({ length: n }, (_, i) =>
      search(agent, `${server.base}api/v1/entries?q=progrm${i}+helth+schol&facets=sdg,country,organization`).then(
        (answer) => (answered++, first(), answer),
      ),
    );
    await firstAnswer;
    process.kill(target === 'npm' ? server.child.pid! : server.pid, signal);
    const inFlight = n - answered;
    const results = await Promise.all(searches);
    agent.destroy();
    assert.ok(inFlight > 0, 'some searches were still in flight when the signal came');
    for (const { status, body } of results) {
      assert.equal(status, 200);
      assert.equal(typeof body.total, 'number');
    }
    assert.equal(await server.exited, 0, 'npm reports the clean stop');
    for (let i = 0; i < 50 && alive(server.pid); i++) await sleep(100);
    assert.equal(alive(server.pid), false, 'the server process is gone');
  }

  test('SIGTERM to npm stops the server after the requests in flight', () => stopWhileBusy('npm', 'SIGTERM'));
  test('SIGINT to npm stops the server after the requests in flight', () => stopWhileBusy('npm', 'SIGINT'));
  test('SIGTERM to the server process stops it and npm', () => stopWhileBusy('server', 'SIGTERM'));
});
