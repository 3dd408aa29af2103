/**
 * `npm start`: builds what is missing, then serves the API, the widget build and the demo
 * on one port. Flags: --port (PORT), --host (HOST), --db (WSIS_DB), --sample, --no-build,
 * --log-level (LOG_LEVEL), --replica (WSIS_REPLICA=1), --poll-ms (WSIS_POLL_MS),
 * --trust-proxy (TRUST_PROXY=1). Stops cleanly on SIGTERM and SIGINT.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildApp, HASHED_FILE } from './app.js';
import { openReadOnly, openWritable, writeDatabase } from './db.js';
import { demoBanner, seedDemo } from './demo.js';
import { DEFAULT_DB } from './import.js';

/** Longest wait for requests in flight once asked to stop. */
const STOP_TIMEOUT_MS = 10_000;

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    db: { type: 'string', default: process.env.WSIS_DB },
    sample: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'log-level': { type: 'string', default: process.env.LOG_LEVEL ?? 'info' },
    replica: { type: 'boolean', default: process.env.WSIS_REPLICA === '1' },
    'poll-ms': { type: 'string', default: process.env.WSIS_POLL_MS ?? '250' },
    'trust-proxy': { type: 'boolean', default: process.env.TRUST_PROXY === '1' },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const dbPath = resolve(values.db ?? join(root, DEFAULT_DB));
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0-65535, got ${values.port}`);

if (!values['no-build'] && !existsSync(join(root, 'dist', 'wsis-stocktaking.js'))) {
  console.log('dist/wsis-stocktaking.js is missing; running npm run build ...');
  const build = spawnSync('npm', ['run', 'build'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) console.error('The widget build failed; serving the API anyway.');
}

if (!existsSync(dbPath)) {
  // A mistyped path must not quietly serve made-up data: only the default path or --sample creates it.
  if (values.db !== undefined && !values.sample)
    fail(
      `No database at ${dbPath}.\n` +
        `Import one with: npm run import -- FILE --db ${dbPath}\n` +
        'or add --sample to create one there with generated sample entries.',
    );
  // Loaded lazily: only a first start needs the sample generator.
  const { generateEntries } = await import('../scripts/sample/generate.js');
  console.log(`Creating a sample database with 20000 entries at ${dbPath} ...`);
  writeDatabase(generateEntries(20000, 1), dbPath);
  const db = openWritable(dbPath);
  await seedDemo(db);
  db.close();
}

let app: ReturnType<typeof buildApp>;
try {
  app = buildApp({
    dbPath,
    logger: { level: values['log-level'] },
    replica: values.replica,
    pollMs: Number(values['poll-ms']),
    trustProxy: values['trust-proxy'],
    staticRoots: [
      // The npm package build (esm/) and source maps are not part of the demo site.
      { prefix: '/dist/', root: join(root, 'dist'), hidden: /^\/esm\/|\.map$/, immutable: HASHED_FILE },
      { prefix: '/', root: join(root, 'demo') },
    ],
  });
} catch (err) {
  fail(`Cannot serve ${dbPath}: ${(err as Error).message}`);
}

// Whichever process is signalled (npm, or this one, or the whole group), stop once:
// no new connections, requests in flight finish, then exit.
let stopping = false;
function stop(reason: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ reason }, 'stopping');
  setTimeout(() => {
    console.error(`Requests still in flight after ${STOP_TIMEOUT_MS / 1000} s; exiting.`);
    process.exit(1);
  }, STOP_TIMEOUT_MS).unref();
  app.close().then(
    () => process.exit(0),
    (err: unknown) => fail(`Stopping failed: ${String(err)}`),
  );
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop(signal));
// Under npm, a parent that dies without passing the signal on (a shell that did not exec,
// a killed npm) would leave this server running with nobody to stop it.
if (process.env.npm_lifecycle_event) {
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && stop('parent exited'), 500).unref();
}

const address = await app.listen({ port, host: values.host });
const shown = new URL(address);
if (shown.hostname === '127.0.0.1') shown.hostname = 'localhost';
console.log(
  `WSIS Stocktaking server${values.replica ? ' (read copy)' : ''}: ${shown.href} (API ${shown.href}api/v1/entries, pid ${process.pid})`,
);
const check = openReadOnly(dbPath);
const banner = demoBanner(check);
for (const line of banner) console.log(line);
if (banner.length && !values.replica) console.log(`  sign in at ${shown.href}manage`);
check.close();
