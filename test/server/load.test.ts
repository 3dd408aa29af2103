/** A server in its own process under hostile load: memory stays bounded and /health keeps its turn. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { dirname } from 'node:path';
import { sampleDatabase, spawnServer, type Spawned } from './helpers.js';

/** Growth of the server's resident memory allowed over the memory loop. */
const RSS_BUDGET_MB = 96;
const linux = existsSync('/proc/self/status');

let db: string;
let server: Spawned;
before(async () => {
  db = sampleDatabase(20000);
  server = await spawnServer(['--db', db]);
});
after(async () => {
  server.child.kill('SIGTERM');
  await server.exited;
  rmSync(dirname(db), { recursive: true, force: true });
});

function request(agent: Agent, path: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    get(`${server.base}${path.slice(1)}`, { agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
    }).on('error', reject);
  });
}

const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))![1]) / 1024;

test(
  `20,000 searches with 20 long organization values each keep RSS growth under ${RSS_BUDGET_MB} MB`,
  { skip: !linux && 'reads /proc' },
  async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 16 });
    const orgs = (i: number) =>
      Array.from({ length: 20 }, (_, k) => `organization=${i}-${k}-${'x'.repeat(190)}`).join('&');
    await request(agent, `/api/v1/entries?${orgs(-1)}`);
    const start = rssMb();
    let next = 0;
    let failures = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < 20000) {
          const { status } = await request(agent, `/api/v1/entries?${orgs(next++)}`);
          if (status !== 200) failures++;
        }
      }),
    );
    const end = rssMb();
    agent.destroy();
    console.log(`RSS ${start.toFixed(0)} MB → ${end.toFixed(0)} MB after 20,000 searches`);
    assert.equal(failures, 0);
    assert.ok(end - start < RSS_BUDGET_MB, `RSS grew by ${(end - start).toFixed(0)} MB`);
  },
);

test('/health is answered between searches, not after a backlog of them', async () => {
  const n = 60;
  const agent = new Agent({ keepAlive: true, maxSockets: n });
  // Every connection open first, so the searches all reach the server at once.
  await Promise.all(Array.from({ length: n }, () => request(agent, '/api/v1/health')));
  let answered = 0;
  let first!: () => void;
  const started = new Promise<void>((resolve) => (first = resolve));
  // Distinct, uncached searches, each costing typo scans and three facets.
  const searches = Array.from({ length: n }, (_, i) =>
    request(agent, `/api/v1/entries?q=helht+progrm+schol${i}&facets=sdg,country,organization`).then((res) => {
      assert.equal(res.status, 200);
      answered++;
      first();
    }),
  );
  await started;
  const before = answered;
  const health = await request(new Agent(), '/api/v1/health');
  assert.equal(health.status, 200);
  const during = answered - before;
  await Promise.all(searches);
  agent.destroy();
  assert.ok(during < n / 4, `${during} of ${n - before} pending searches were answered before /health`);
});
