/**
 * npm run check-links -- [--db PATH] [--concurrency N] [--only-older-than 30d] [--fresh] [--as ACCOUNT]
 * npm run check-links -- --report [--db PATH] [--csv FILE] [--top N]
 * Ctrl-C (or SIGTERM) stops sending requests, lets the checks under way finish and stores them; the next
 * run continues from there.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_DB } from '../import.js';
import { LINK_STATUSES } from './classify.js';
import { findAccount } from '../store/accounts.js';
import { buildReport, formatReport } from './report.js';
import { checkLinks, type Progress } from './run.js';
import { openLinkStore } from './store.js';

const USAGE = `usage: npm run check-links -- [--db PATH] [--concurrency N] [--only-older-than 30d] [--fresh] [--as ACCOUNT]
       npm run check-links -- --report [--db PATH] [--csv FILE] [--top N]`;

/** "30d", "12h", "90m", "2w" → milliseconds. */
export function parseAge(text: string): number {
  const m = /^(\d+)\s*([mhdw])$/.exec(text.trim());
  if (!m) throw new Error(`--only-older-than takes a number and a unit m, h, d or w (30d), not "${text}"`);
  return Number(m[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[m[2] as 'm' | 'h' | 'd' | 'w'];
}

function positiveInt(name: string, text: string, max: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new Error(`--${name} must be a whole number from 1 to ${max}, not "${text}"`);
  return n;
}

const line = (p: Progress) =>
  `checked ${p.done}/${p.total} (${p.total ? Math.floor((100 * p.done) / p.total) : 100}%), ${p.rate.toFixed(1)}/s, ` +
  `about ${Math.ceil(p.etaSeconds / 60)} min left; ` +
  LINK_STATUSES.map((s) => `${s} ${p.counts[s]}`).join(', ');

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      db: { type: 'string' },
      concurrency: { type: 'string' },
      'only-older-than': { type: 'string' },
      fresh: { type: 'boolean', default: false },
      as: { type: 'string' },
      report: { type: 'boolean', default: false },
      csv: { type: 'string' },
      top: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  if (values.help || positionals.length) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const dbPath = resolve(values.db ?? process.env.WSIS_DB ?? DEFAULT_DB);

  if (values.report) {
    const top = values.top ? positiveInt('top', values.top, 100_000) : 25;
    const csvPath = resolve(values.csv ?? 'link-report.csv');
    const db = openLinkStore(dbPath);
    try {
      const report = buildReport(db);
      console.log(formatReport(report, top));
      writeFileSync(csvPath, report.csv);
      console.log(`\nCSV (one row per website, by organization, worst first): ${csvPath}`);
    } finally {
      db.close();
    }
    return 0;
  }

  if (values.as !== undefined) {
    // Like the importer's --as: changed results are revisions by an existing account.
    const db = openLinkStore(dbPath);
    try {
      if (!findAccount(db, values.as)) throw new Error(`No account ${values.as}`);
    } finally {
      db.close();
    }
  }
  const concurrency = values.concurrency ? positiveInt('concurrency', values.concurrency, 1000) : undefined;
  const olderThanMs = values['only-older-than'] ? parseAge(values['only-older-than']) : 0;
  const stop = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`${signal}: no new requests; storing the checks under way ...`);
      stop.abort();
      // A second signal does not wait.
      process.once(signal, () => process.exit(1));
    });
  }
  const summary = await checkLinks({
    dbPath,
    probe: concurrency ? { concurrency } : {},
    olderThanMs,
    fresh: values.fresh,
    account: values.as,
    signal: stop.signal,
    onProgress: (p) => console.error(line(p)),
  });
  const { run } = summary;
  console.error(
    `${summary.run.resumed ? `Resumed run ${run.id} (started ${run.started})` : `Run ${run.id}`}: ` +
      `${summary.checked} checked in ${summary.seconds.toFixed(1)} s, ${summary.done} of ${summary.total} done.`,
  );
  if (summary.interrupted) {
    console.error(`Interrupted: ${summary.total - summary.done} left; run the same command again to continue.`);
    return 1;
  }
  console.error(`Finished. npm run check-links -- --report prints the counts and writes a CSV.`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then(
    (code) => (process.exitCode = code),
    (err: Error) => {
      console.error(`check-links: ${err.message}`);
      process.exitCode = 1;
    },
  );
}
