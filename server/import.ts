/**
 * Imports entries from JSON, NDJSON or CSV into a fresh database file.
 * CLI: npm run import -- FILE.json|FILE.ndjson|FILE.csv [--db PATH]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { validateEntry, type Entry } from '../src/data/entry.js';
import { FormatError, detectFormat, readRecords } from './formats.js';
import { saveImport } from './store/import-hook.js';

/** Relative to the project root (start) or the working directory (import CLI). */
export const DEFAULT_DB = 'data/stocktaking.db';

export interface Rejection {
  /** Source line where the record starts (0 when unknown). */
  line: number;
  /** 1-based position in a JSON array. */
  entry?: number;
  reasons: string[];
}

export interface ImportResult {
  imported: number;
  rejected: Rejection[];
}

/**
 * Validates every record and saves the good ones (server/store/import-hook.ts): a new database,
 * or revisions by `account` in an existing one. Nothing is written when no record is usable;
 * an unreadable file throws and leaves the old file alone.
 */
export function importFile(path: string, dbPath: string, account?: string): ImportResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new FormatError(`cannot read ${path}: ${(err as Error).message}`);
  }
  const records = readRecords(detectFormat(path, text), text);
  const good: Entry[] = [];
  const rejected: Rejection[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    const where = { line: record.line, ...(record.entry ? { entry: record.entry } : {}) };
    if (record.problem) {
      rejected.push({ ...where, reasons: [record.problem] });
      continue;
    }
    const result = validateEntry(record.value);
    if (!result.ok) {
      rejected.push({ ...where, reasons: result.problems });
      continue;
    }
    const first = seen.get(result.entry.id);
    if (first !== undefined) {
      rejected.push({
        ...where,
        reasons: [`id: duplicate of the record at ${first ? `line ${first}` : 'an earlier position'}`],
      });
      continue;
    }
    seen.set(result.entry.id, record.line);
    good.push(result.entry);
  }
  if (good.length) saveImport(good, dbPath, account);
  return { imported: good.length, rejected };
}

function describe(r: Rejection): string {
  const where = [r.line ? `line ${r.line}` : '', r.entry ? `entry ${r.entry}` : ''].filter(Boolean).join(', ');
  return `${where}: ${r.reasons.join('; ')}`;
}

function main(): number {
  const { values, positionals } = parseArgs({
    options: { db: { type: 'string' }, as: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) {
    console.error('usage: npm run import -- FILE.json|FILE.ndjson|FILE.csv [--db PATH] [--as ACCOUNT]');
    return 2;
  }
  const dbPath = resolve(values.db ?? process.env.WSIS_DB ?? DEFAULT_DB);
  try {
    const { imported, rejected } = importFile(positionals[0], dbPath, values.as);
    for (const r of rejected) console.error(`rejected ${describe(r)}`);
    if (!imported) {
      console.error(`Nothing to import from ${positionals[0]}; ${dbPath} is unchanged.`);
      return 1;
    }
    console.log(
      `Imported ${imported} entries into ${dbPath}${rejected.length ? `, rejected ${rejected.length}` : ''}.`,
    );
    return 0;
  } catch (err) {
    console.error(`Import failed: ${(err as Error).message}; ${dbPath} is unchanged.`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) process.exitCode = main();
