/**
 * `npm start`: builds what is missing, then serves the API, the widget build and the demo
 * on one port. Flags: --port (PORT), --host (HOST), --db (WSIS_DB), --log-level (LOG_LEVEL),
 * --replica (WSIS_REPLICA=1), --poll-ms (WSIS_POLL_MS), --trust-proxy (TRUST_PROXY=1).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildApp } from './app.js';
import { openReadOnly, openWritable, writeDatabase } from './db.js';
import { demoBanner, seedDemo } from './demo.js';
import { DEFAULT_DB } from './import.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '8080' },
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    db: { type: 'string', default: process.env.WSIS_DB ?? join(root, DEFAULT_DB) },
    'log-level': { type: 'string', default: process.env.LOG_LEVEL ?? 'info' },
    replica: { type: 'boolean', default: process.env.WSIS_REPLICA === '1' },
    'poll-ms': { type: 'string', default: process.env.WSIS_POLL_MS ?? '250' },
    'trust-proxy': { type: 'boolean', default: process.env.TRUST_PROXY === '1' },
  },
});

const dbPath = resolve(values.db);
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535, got ${values.port}`);

if (!existsSync(join(root, 'dist', 'wsis-stocktaking.js'))) {
  console.log('dist/wsis-stocktaking.js is missing; running npm run build ...');
  const build = spawnSync('npm', ['run', 'build'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) console.error('The widget build failed; serving the API anyway.');
}

if (!existsSync(dbPath)) {
  // Loaded lazily: only a first start needs the sample generator.
  const { generateEntries } = await import('../scripts/sample/generate.js');
  console.log(`Creating a sample database with 20000 entries at ${dbPath} ...`);
  writeDatabase(generateEntries(20000, 1), dbPath);
  const db = openWritable(dbPath);
  await seedDemo(db);
  db.close();
}

const app = buildApp({
  dbPath,
  logger: { level: values['log-level'] },
  replica: values.replica,
  pollMs: Number(values['poll-ms']),
  trustProxy: values['trust-proxy'],
  staticRoots: [
    { prefix: '/dist/', root: join(root, 'dist') },
    { prefix: '/', root: join(root, 'demo') },
  ],
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void app.close().then(() => process.exit(0)));
}

const address = await app.listen({ port, host: values.host });
const shown = new URL(address);
if (shown.hostname === '127.0.0.1') shown.hostname = 'localhost';
console.log(
  `WSIS Stocktaking server${values.replica ? ' (read copy)' : ''}: ${shown.href} (API ${shown.href}api/v1/entries)`,
);
const check = openReadOnly(dbPath);
for (const line of demoBanner(check)) console.log(line);
check.close();
