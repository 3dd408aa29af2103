/**
 * Load-tests the reference API at 20k and 100k sample entries: the server runs in a child
 * process (its own event loop), autocannon drives a mix of typical searches for ~10 s per run,
 * with the server's caches on (as deployed) and off (every request computed).
 * Run: `npm run bench:api [-- --sizes 20000 --duration 5]`; `benchApi()` feeds a combined bench.
 * Results: bench/api-results.json. BENCH_NODE_ARGS adds node flags to the server child (e.g. --cpu-prof).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateEntries } from '../scripts/sample/generate.js';
import { FACET_NAMES } from '../src/data/query.js';
import { buildApp } from '../server/app.js';
import { openReadOnly, writeDatabase } from '../server/db.js';

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
  reqPerSec: number;
  p50: number;
  p99: number;
  /** Server CPU time per request: a load-independent view of capacity (1000 / ms ≈ req/s per core). */
  cpuMsPerRequest: number;
  /** Non-2xx answers plus socket errors; should be 0. */
  failures: number;
}

export interface ApiBenchOptions {
  sizes?: number[];
  /** Seconds per run. */
  duration?: number;
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

function database(size: number): string {
  const dir = join(root, 'data', 'bench');
  const path = join(dir, `api-${size}.db`);
  if (existsSync(path)) {
    try {
      const db = openReadOnly(path);
      const count = db.prepare(`SELECT value FROM meta WHERE key = 'entries'`).pluck().get();
      db.close();
      if (Number(count) === size) return path;
    } catch {
      // Stale or foreign file: rebuilt below.
    }
  }
  mkdirSync(dir, { recursive: true });
  console.log(`building ${size} sample entries at ${path} ...`);
  writeDatabase(generateEntries(size, 1), path);
  return path;
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

/** The child's user + system CPU time in ms. */
function cpuTime(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once('message', (usage) =>
      resolve(((usage as NodeJS.CpuUsage).user + (usage as NodeJS.CpuUsage).system) / 1000),
    );
    child.send('cpu');
  });
}

function percentile(sorted: number[], q: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] * 100) / 100;
}

async function load(url: string, paths: string[], duration: number, connections: number) {
  const samples: number[] = [];
  const instance = autocannon({
    url,
    connections,
    duration,
    headers: { 'accept-encoding': 'gzip' },
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  instance.on('response', (_client, _status, _bytes, ms) => samples.push(ms));
  const result = await instance;
  samples.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    reqPerSec: Math.round(result.requests.total / duration),
    p50: percentile(samples, 0.5),
    p99: percentile(samples, 0.99),
    failures: result.non2xx + result.errors,
  };
}

export async function benchApi(options: ApiBenchOptions = {}): Promise<ApiBenchRow[]> {
  const { sizes = [20000, 100000], duration = 10, connections = 10 } = options;
  const paths = queryMix();
  const rows: ApiBenchRow[] = [];
  for (const entries of sizes) {
    const dbPath = database(entries);
    for (const caches of ['on', 'off'] as const) {
      const { child, url } = await startChild(dbPath, caches === 'on');
      try {
        // Warm-up: every request once, in turn (fills the caches when on, wakes the JIT either way).
        for (const path of paths)
          await (await fetch(url + path, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer();
        const cpuBefore = await cpuTime(child);
        const figures = await load(url, paths, duration, connections);
        const cpuMsPerRequest = Math.round((((await cpuTime(child)) - cpuBefore) / figures.requests) * 1000) / 1000;
        const row = { entries, caches, ...figures, cpuMsPerRequest };
        console.log(
          `${String(entries).padStart(6)} entries, caches ${caches.padEnd(3)}: ${String(row.reqPerSec).padStart(5)} req/s  p50 ${row.p50} ms  p99 ${row.p99} ms  ${row.cpuMsPerRequest} CPU ms/req  (${row.requests} requests, ${row.failures} failures)`,
        );
        rows.push(row);
      } finally {
        child.kill();
      }
    }
  }
  return rows;
}

async function serve(dbPath: string, cacheMb: number) {
  const app = buildApp({ dbPath, cacheMb, logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
  process.on('message', () => process.send!(process.cpuUsage()));
  console.log(`LISTENING ${address}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values, positionals } = parseArgs({
    options: {
      serve: { type: 'boolean' },
      'cache-mb': { type: 'string' },
      duration: { type: 'string' },
      sizes: { type: 'string' },
    },
    allowPositionals: true,
  });
  if (values.serve) {
    await serve(positionals[0], Number(values['cache-mb'] ?? 64));
  } else {
    console.log(
      `API bench: node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), ${queryMix().length} distinct requests`,
    );
    const sizes = values.sizes?.split(',').map(Number);
    const results = await benchApi({ duration: Number(values.duration ?? 10), sizes });
    const out = join(root, 'bench', 'api-results.json');
    writeFileSync(
      out,
      JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, results }, null, 2) +
        '\n',
    );
    console.log(`wrote ${out}`);
  }
}
