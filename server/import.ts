/**
 * Imports entries from JSON, NDJSON or CSV, reading the file as a stream: into a fresh database file,
 * or as revisions into an existing one.
 * CLI: npm run import -- FILE.json|FILE.ndjson|FILE.csv [--db PATH] [--dry-run] [--as ACCOUNT]
 */
import { existsSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { validateEntry } from '../src/data/entry.js';
import { DatabaseBuilder } from './db.js';
import { FormatError } from './import/format-error.js';
import { prepare, type Mapping } from './import/prepare.js';
import { detectFormat, readRecords, type Format } from './import/records.js';
import { formatReport } from './import/report.js';
import { readText } from './import/text-stream.js';
import { importRevisions } from './store/import-hook.js';
import { SYSTEM_ACCOUNT } from './store/schema.js';

export { FormatError };

/** Relative to the project root (start) or the working directory (import CLI). */
export const DEFAULT_DB = 'data/stocktaking.db';

export interface Rejection {
  /** Source line where the record starts (0 when unknown). */
  line: number;
  /** 1-based position in a JSON array. */
  entry?: number;
  reasons: string[];
}

/** Something worth knowing that did not cost a record, such as invalid UTF-8 kept as U+FFFD. */
export interface Warning {
  line: number;
  message: string;
}

export interface ImportResult {
  format: Format;
  /** Records read, good and bad. */
  read: number;
  /** Entries written, or that a dry run would write. */
  imported: number;
  rejected: Rejection[];
  warnings: Warning[];
  /** Each distinct rewrite, with how many imported records it applied to. */
  mappings: (Mapping & { count: number })[];
  /** Whether the database was written (replaced, or revised in place). */
  written: boolean;
}

export interface ImportOptions {
  /** Validate and report only; the database is not touched. */
  dryRun?: boolean;
  /** The account the revisions are recorded for (default `system`); it must exist in an existing database. */
  account?: string;
}

/**
 * Validates every record and saves the good ones (see `writeImport`). Nothing is written when no
 * record is usable, on a dry run, or when the file as a whole is unusable (FormatError is thrown then).
 */
export async function importFile(path: string, dbPath: string, options: ImportOptions = {}): Promise<ImportResult> {
  try {
    await access(path);
  } catch (err) {
    throw new FormatError(`cannot read ${path}: ${(err as Error).message}`);
  }
  const format = await detectFormat(path);
  const text = readText(path);
  const account = options.account ?? SYSTEM_ACCOUNT;
  const staged = options.dryRun ? undefined : new DatabaseBuilder(dbPath, account);
  const result: ImportResult = {
    format,
    read: 0,
    imported: 0,
    rejected: [],
    warnings: [],
    mappings: [],
    written: false,
  };
  const mappings = new Map<string, Mapping & { count: number }>();
  const seen = new Map<string, number>();
  try {
    for await (const record of readRecords(format, text)) {
      result.read++;
      const where = { line: record.line, ...(record.entry ? { entry: record.entry } : {}) };
      if (record.problem) {
        result.rejected.push({ ...where, reasons: [record.problem] });
        continue;
      }
      const prepared = prepare(record.value);
      const checked = validateEntry(prepared.value);
      const problems = [...prepared.problems, ...(checked.ok ? [] : checked.problems)];
      if (problems.length || !checked.ok) {
        result.rejected.push({ ...where, reasons: problems });
        continue;
      }
      const first = seen.get(checked.entry.id);
      if (first !== undefined) {
        result.rejected.push({
          ...where,
          reasons: [`id: duplicate of the record at ${first ? `line ${first}` : 'an earlier position'}`],
        });
        continue;
      }
      seen.set(checked.entry.id, record.line);
      for (const m of prepared.mappings) {
        const key = JSON.stringify([m.field, m.from, m.to]);
        const known = mappings.get(key);
        if (known) known.count++;
        else mappings.set(key, { ...m, count: 1 });
      }
      staged?.add(checked.entry);
      result.imported++;
    }
    result.warnings = text.invalidLines.map((line) => ({ line, message: 'invalid UTF-8 bytes, kept as U+FFFD' }));
    result.mappings = [...mappings.values()];
    if (staged && result.imported) {
      writeImport(staged, dbPath, account);
      result.written = true;
    }
    return result;
  } finally {
    staged?.abort();
  }
}

/**
 * The one place an import changes the database. A new file is built whole (each entry an `import`
 * revision by `account`); an existing database keeps its accounts and history, and each entry goes
 * through the revision log like any other write (server/store/import-hook.ts).
 */
function writeImport(staged: DatabaseBuilder, dbPath: string, account: string): void {
  if (existsSync(dbPath)) importRevisions(staged.entries(), dbPath, account);
  else staged.commit();
}

const USAGE = 'usage: npm run import -- FILE.json|FILE.ndjson|FILE.csv [--db PATH] [--dry-run] [--as ACCOUNT]';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      options: { db: { type: 'string' }, 'dry-run': { type: 'boolean' }, as: { type: 'string' } },
      allowPositionals: true,
    });
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    console.error(USAGE);
    return 2;
  }
  const [file] = positionals;
  const dryRun = values['dry-run'] ?? false;
  const dbPath = resolve(values.db ?? process.env.WSIS_DB ?? DEFAULT_DB);
  try {
    const result = await importFile(file, dbPath, { dryRun, account: values.as });
    const { out, err } = formatReport(result, { file, dbPath, dryRun });
    if (err) console.error(err);
    console.log(out);
    return result.imported ? 0 : 1;
  } catch (err) {
    console.error(`Import failed: ${(err as Error).message}; ${dbPath} is unchanged.`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  process.exitCode = await main();
