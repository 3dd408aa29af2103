/**
 * Load-tests the reference API at 20k and 100k sample entries: the server runs in a child
 * process (its own event loop), autocannon drives a mix of typical searches in several short
 * rounds per configuration, with the server's caches on (as deployed) and off (every request computed).
 * Run: `npm run bench:api [-- --sizes 20000 --duration 2 --rounds 3 --stall-only]`; the stall round
 * measures /health latency while 50 connections send distinct uncached searches. After the load rounds, every
 * search of the mix is sent again one at a time and the server times the CPU of each (p50/p95 per query).
 * `benchApi()` feeds a combined bench.
 * Results: bench/api-results.json. BENCH_NODE_ARGS adds node flags to the server child (e.g. --cpu-prof).
 * `database(size)` is the sample database every bench serves, built once and cached under data/bench/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { generateEntries } from '../scripts/sample/generate.js';
import { FACET_NAMES } from '../src/data/query.js';
import { buildApp } from '../server/app.js';
import { openReadOnly, SCHEMA_VERSION, writeDatabase } from '../server/db.js';
import { median, spread, type Spread } from './table.js';
import type { FastifyRequest } from 'fastify';

// autocannon ships no types; this is the slice used here.
interface Cannon extends PromiseLike<{ requests: { total: number }; non2xx: number; errors: number }> {
  on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: object) => Cannon;

const root = fileURLToPath(new URL('..', import.meta.url));
const here = fileURLToPath(import.meta.url);

export interface ApiBenchRow {
  entries: number;
  caches: 'on' | 'off';
  requests: number;
  /** Median over the rounds. */
  reqPerSec: number;
  /** Req/s of each round. */
  rounds: Spread;
  p50: number;
  p99: number;
  /** Server CPU time per request: a load-independent view of capacity (1000 / ms ≈ req/s per core). */
  cpuMsPerRequest: number;
  /** Server CPU of one request at a time (every search of the mix, `SEQUENTIAL_REPEATS` times), from its arrival to its answer. */
  cpuMsPerQuery: Spread;
  /** Non-2xx answers plus socket errors; should be 0. */
  failures: number;
}

export interface ApiBenchOptions {
  sizes?: number[];
  /** Seconds per round. */
  duration?: number;
  /** Rounds per configuration, back to back on the same server. */
  rounds?: number;
  connections?: number;
}

/** 1–3 word searches, with and without filters, most asking for every facet like the widget does. */
export function queryMix(): string[] {
  const words = [
    'health',
    'telemedicine',
    'broadband',
    'rural connectivity',
    'digital skills',
    'mobile payments',
    'cybersecurity',
    'e-government services',
    'women',
    'open data',
    'agriculture',
    'schools',
    'e-learning platform',
    'climate',
    'disaster early warning',
    'digital identity',
    'youth coding',
    'libraries',
    'accessibility',
    'helth',
    'agricultre',
    'community radio',
  ];
  const filters = [
    '',
    'region=africa',
    'sdg=3',
    'actionLine=C7',
    'country=KE',
    'status=ongoing&entityType=government',
    'sdg=4&sdg=5',
    'yearFrom=2015',
  ];
  const facets = `facets=${FACET_NAMES.join(',')}`;
  const paths: string[] = [];
  words.forEach((q, i) => {
    const filter = filters[i % filters.length];
    const text = `q=${encodeURIComponent(q)}`;
    paths.push(`${text}&${facets}`, [text, filter, facets].filter(Boolean).join('&'), `${text}&page=2`);
  });
  filters.forEach((filter) => paths.push([filter, facets].filter(Boolean).join('&')));
  return paths.map((qs) => `/api/v1/entries?${qs}`);
}

/** The sample generator and the schema: a change to either means new databases. */
export function generatorVersion(): string {
  const dir = join(root, 'scripts', 'sample');
  const hash = createHash('sha256').update(`schema ${SCHEMA_VERSION}\n`);
  for (const name of readdirSync(dir).sort()) if (name.endsWith('.ts')) hash.update(readFileSync(join(dir, name)));
  return hash.digest('hex').slice(0, 10);
}

/**
 * The sample database of `size` entries (`generateEntries(size, 1)`): data/bench/api-<size>-<generator version>.db,
 * built when missing (about 30 s for 100k on 2 cores) and kept for later runs; older versions of it are removed.
 */
export function database(size: number, log: (line: string) => void = console.error): string {
  const dir = join(root, 'data', 'bench');
  const name = `api-${size}-${generatorVersion()}.db`;
  const path = join(dir, name);
  if (existsSync(path)) {
    try {
      const db = openReadOnly(path);
      const count = db.prepare(`SELECT value FROM meta WHERE key = 'entries'`).pluck().get();
      db.close();
      if (Number(count) === size) return path;
    } catch {
      // Damaged or foreign file: rebuilt below.
    }
  }
  mkdirSync(dir, { recursive: true });
  for (const old of readdirSync(dir)) {
    if (old !== name && new RegExp(`^api-${size}(-[0-9a-f]+)?\\.db$`).test(old))
      rmSync(join(dir, old), { force: true });
  }
  log(`building ${size} sample entries at ${path} ...`);
  const t0 = Date.now();
  writeDatabase(generateEntries(size, 1), path);
  log(`  built in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return path;
}

/**
 * `database(size)` in a child process, so building it does not block this event loop: the bench builds
 * a missing 100k database while sections that measure no time run.
 */
export function databaseInChild(size: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', here, '--prepare', String(size)], {
      cwd: root,
      stdio: ['ignore', 2, 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(database(size)) : reject(new Error(`building the ${size} database failed (${code})`)),
    );
  });
}

async function startChild(dbPath: string, caches: boolean): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_NODE_ARGS?.split(' ') ?? []),
      '--import',
      'tsx',
      here,
      '--serve',
      dbPath,
      '--cache-mb',
      caches ? '64' : '0',
    ],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    if (line.startsWith('LISTENING ')) return { child, url: line.slice('LISTENING '.length) };
  }
  throw new Error('the server child exited before listening');
}

/** Asks the server child something over IPC (see `serve`). */
function ask<T>(child: ChildProcess, question: 'cpu' | 'record' | 'samples' | 'loop'): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (answer) => resolve(answer as T));
    child.send(question);
  });
}

/** The child's user + system CPU time in ms. */
async function cpuTime(child: ChildProcess): Promise<number> {
  const usage = await ask<NodeJS.CpuUsage>(child, 'cpu');
  return (usage.user + usage.system) / 1000;
}

/** Times of each search of the mix this many times, one request at a time. */
const SEQUENTIAL_REPEATS = 3;

/**
 * Each path `SEQUENTIAL_REPEATS` times, one request at a time, while the server times the CPU of each
 * request (process CPU from its arrival to its answer; nothing else runs then).
 */
async function cpuPerQuery(child: ChildProcess, url: string, paths: string[]): Promise<Spread> {
  await ask(child, 'record');
  for (let i = 0; i < SEQUENTIAL_REPEATS; i++)
    for (const path of paths) await (await fetch(url + path, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer();
  return spread(await ask<number[]>(child, 'samples'));
}

function percentile(sorted: number[], q: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] * 100) / 100;
}

/**
 * `distinct`: every request takes the next path of the list, whichever connection sends it, so no two
 * ask the same thing (by default each connection walks the whole list, and all but the first find
 * each answer cached).
 */
async function load(
  url: string,
  paths: string[],
  duration: number,
  connections: number,
  samples: number[],
  distinct = false,
) {
  let next = 0;
  const instance = autocannon({
    url,
    connections,
    duration,
    headers: { 'accept-encoding': 'gzip' },
    requests: distinct
      ? [{ method: 'GET', setupRequest: (request: object) => ({ ...request, path: paths[next++ % paths.length] }) }]
      : paths.map((path) => ({ method: 'GET', path })),
  });
  instance.on('response', (_client, _status, _bytes, ms) => samples.push(ms));
  const result = await instance;
  return { requests: result.requests.total, failures: result.non2xx + result.errors };
}

/** Every path once, `connections` at a time: fills the caches when on, wakes the JIT either way. */
async function warmUp(url: string, paths: string[], connections: number): Promise<void> {
  const queue = [...paths];
  const worker = async () => {
    for (let path = queue.shift(); path; path = queue.shift())
      await (await fetch(url + path, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer();
  };
  await Promise.all(Array.from({ length: connections }, worker));
}

export async function benchApi(options: ApiBenchOptions = {}): Promise<ApiBenchRow[]> {
  const { sizes = [20000, 100000], duration = 2, rounds = 3, connections = 10 } = options;
  const paths = queryMix();
  const rows: ApiBenchRow[] = [];
  for (const entries of sizes) {
    const dbPath = database(entries);
    for (const caches of ['on', 'off'] as const) {
      const { child, url } = await startChild(dbPath, caches === 'on');
      try {
        // Caches on: every path once, to fill them. Off: enough to wake the JIT.
        await warmUp(url, caches === 'on' ? paths : paths.slice(0, 3 * connections), connections);
        const cpuBefore = await cpuTime(child);
        const samples: number[] = [];
        const perRound: number[] = [];
        let requests = 0;
        let failures = 0;
        for (let i = 0; i < rounds; i++) {
          const round = await load(url, paths, duration, connections, samples);
          perRound.push(round.requests / duration);
          requests += round.requests;
          failures += round.failures;
        }
        const cpuMsPerRequest = Math.round((((await cpuTime(child)) - cpuBefore) / requests) * 1000) / 1000;
        const cpuMsPerQuery = await cpuPerQuery(child, url, paths);
        samples.sort((a, b) => a - b);
        const row: ApiBenchRow = {
          entries,
          caches,
          requests,
          reqPerSec: Math.round(median(perRound)),
          rounds: spread(perRound.map(Math.round)),
          p50: percentile(samples, 0.5),
          p99: percentile(samples, 0.99),
          cpuMsPerRequest,
          cpuMsPerQuery,
          failures,
        };
        console.log(
          `${String(entries).padStart(6)} entries, caches ${caches.padEnd(3)}: ${String(row.reqPerSec).padStart(5)} req/s (${row.rounds.min}–${row.rounds.max} over ${rounds} × ${duration} s)  p50 ${row.p50} ms  p99 ${row.p99} ms  ${row.cpuMsPerRequest} CPU ms/req  (${row.requests} requests, ${row.failures} failures)`,
        );
        console.log(
          `${' '.repeat(29)}one at a time: CPU ms per query p50 ${cpuMsPerQuery.p50}  p95 ${cpuMsPerQuery.p95}  max ${cpuMsPerQuery.max}  (${cpuMsPerQuery.n} requests)`,
        );
        rows.push(row);
      } finally {
        child.kill();
      }
    }
  }
  return rows;
}

export interface StallResult {
  entries: number;
  connections: number;
  searches: number;
  /** Non-2xx answers plus socket errors; should be 0. */
  failures: number;
  searchP50: number;
  searchP99: number;
  healthChecks: number;
  healthP50: number;
  healthP99: number;
  healthMax: number;
  /** The server's own longest event-loop delay during the round (perf_hooks), apart from the machine's load. */
  loopMax: number;
}

// Plain JS for a worker thread: /health every `everyMs` until told to stop, then the samples.
const PROBE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const agent = new http.Agent({ keepAlive: true });
const samples = [];
let running = true;
parentPort.once('message', () => (running = false));
const once = () => new Promise((resolve, reject) => {
  http.get(workerData.url, { agent }, (res) => { res.resume(); res.on('end', resolve); }).on('error', reject);
});
(async () => {
  // One untimed request first: a fresh thread's first one compiles the HTTP client and connects.
  await once();
  parentPort.postMessage('ready');
  while (running) {
    const at = Date.now();
    const t0 = performance.now();
    await once();
    samples.push({ at, ms: performance.now() - t0 });
    await new Promise((resolve) => setTimeout(resolve, workerData.everyMs));
  }
  agent.destroy();
  parentPort.postMessage(samples);
})().catch((err) => parentPort.postMessage({ error: String(err) }));
`;

export interface ProbeSample {
  /** When the request was sent (ms since the epoch). */
  at: number;
  ms: number;
}

/**
 * Asks `url` every `everyMs` from a thread of its own, as a load balancer would from another machine:
 * the load generator's own work (autocannon builds all its requests up front, for seconds) must not
 * count as the server's latency.
 */
export async function healthProbe(url: string, everyMs = 100): Promise<{ stop(): Promise<ProbeSample[]> }> {
  const worker = new Worker(PROBE, { eval: true, workerData: { url, everyMs } });
  const answers: ((answer: unknown) => void)[] = [];
  worker.on('message', (answer) => answers.shift()?.(answer));
  const next = () => new Promise<unknown>((resolve) => answers.push(resolve));
  const failed = new Promise<never>((_resolve, reject) => worker.once('error', reject));
  const ready = next();
  const done = next().then((answer) => {
    const result = answer as ProbeSample[] | { error: string };
    if ('error' in result) throw new Error(result.error);
    return result;
  });
  const first = await Promise.race([ready, failed]);
  if (first !== 'ready') {
    await worker.terminate();
    throw new Error(`the /health probe failed: ${(first as { error: string }).error}`);
  }
  return {
    async stop() {
      worker.postMessage('stop');
      try {
        return await Promise.race([done, failed]);
      } finally {
        await worker.terminate();
      }
    },
  };
}

/**
 * The worst case for fairness: `connections` clients send distinct, uncached
 * `q=<broad word> <2 letters>` searches while a load balancer asks /health every 100 ms.
 */
export async function benchStall(entries = 20000, duration = 5, connections = 50): Promise<StallResult> {
  const broad = ['health', 'digital', 'development', 'network', 'services', 'women', 'youth', 'data'];
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const paths: string[] = [];
  for (const a of letters)
    for (const b of letters)
      for (const word of broad) paths.push(`/api/v1/entries?q=${word}+${a}${b}&facets=sdg,country,organization`);
  const { child, url } = await startChild(database(entries), true);
  try {
    const samples: number[] = [];
    await ask(child, 'loop'); // from now on
    const probe = await healthProbe(`${url}/api/v1/health`);
    const { failures } = await load(url, paths, duration, connections, samples, true);
    const health = (await probe.stop()).map((s) => s.ms).sort((a, b) => a - b);
    const loopMax = await ask<number>(child, 'loop');
    samples.sort((a, b) => a - b);
    const result: StallResult = {
      entries,
      connections,
      searches: samples.length,
      failures,
      searchP50: percentile(samples, 0.5),
      searchP99: percentile(samples, 0.99),
      healthChecks: health.length,
      healthP50: percentile(health, 0.5),
      healthP99: percentile(health, 0.99),
      healthMax: percentile(health, 1),
      loopMax,
    };
    console.log(
      `stall load, ${entries} entries, ${connections} connections of distinct uncached searches: search p50 ${result.searchP50} ms p99 ${result.searchP99} ms; /health p50 ${result.healthP50} ms p99 ${result.healthP99} ms max ${result.healthMax} ms (${result.healthChecks} checks, ${result.searches} searches, ${result.failures} failures); the server's longest event-loop delay ${result.loopMax} ms`,
    );
    return result;
  } finally {
    child.kill();
  }
}

async function serve(dbPath: string, cacheMb: number) {
  const app = buildApp({ dbPath, cacheMb, logger: false });
  // CPU of each request, while the bench sends them one at a time (cpuPerQuery).
  let recorded: number[] | undefined;
  // How long the event loop was ever kept from its timers: the longest wait /health can have had.
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const arrived = new WeakMap<FastifyRequest, NodeJS.CpuUsage>();
  app.addHook('onRequest', async (request) => {
    if (recorded) arrived.set(request, process.cpuUsage());
  });
  app.addHook('onResponse', async (request) => {
    const start = arrived.get(request);
    if (!recorded || !start) return;
    const used = process.cpuUsage(start);
    recorded.push((used.user + used.system) / 1000);
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
  process.on('message', (question) => {
    if (question === 'record') {
      recorded = [];
      process.send!('ok');
    } else if (question === 'samples') {
      process.send!(recorded ?? []);
      recorded = undefined;
    } else if (question === 'loop') {
      process.send!(Math.round(loop.max / 1e5) / 10);
      loop.reset();
    } else process.send!(process.cpuUsage());
  });
  console.log(`LISTENING ${address}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values, positionals } = parseArgs({
    options: {
      serve: { type: 'boolean' },
      prepare: { type: 'boolean' },
      'cache-mb': { type: 'string' },
      duration: { type: 'string' },
      rounds: { type: 'string' },
      sizes: { type: 'string' },
      'stall-only': { type: 'boolean' },
    },
    allowPositionals: true,
  });
  if (values.serve) {
    await serve(positionals[0], Number(values['cache-mb'] ?? 64));
  } else if (values.prepare) {
    for (const size of positionals.map(Number)) database(size);
  } else {
    console.log(
      `API bench: node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), ${queryMix().length} distinct requests`,
    );
    const sizes = values.sizes?.split(',').map(Number);
    const results = values['stall-only']
      ? []
      : await benchApi({
          duration: Number(values.duration ?? 2),
          rounds: Number(values.rounds ?? 3),
          sizes,
        });
    const stall = await benchStall(sizes?.[0] ?? 20000);
    const out = join(root, 'bench', 'api-results.json');
    writeFileSync(
      out,
      JSON.stringify(
        { date: new Date().toISOString(), node: process.version, cpus: cpus().length, results, stall },
        null,
        2,
      ) + '\n',
    );
    console.log(`wrote ${out}`);
  }
}
