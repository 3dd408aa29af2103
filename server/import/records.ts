/** Reads an import file (JSON, NDJSON, CSV) as a stream of raw records that remember where they came from. */
import { open } from 'node:fs/promises';
import { csvEntry, csvHeader } from './csv-entry.js';
import { csvRows } from './csv.js';
import { FormatError } from './format-error.js';
import { jsonElements } from './json.js';
import { lines } from './lines.js';
import type { TextStream } from './text-stream.js';

export interface RawRecord {
  /** 1-based source line where the record starts (0 when unknown). */
  line: number;
  /** 1-based position in a JSON array. */
  entry?: number;
  value?: unknown;
  /** Set when the record could not even be read. */
  problem?: string;
}

export type Format = 'json' | 'ndjson' | 'csv';

/** By extension; otherwise by the first bytes of the file. */
export async function detectFormat(path: string): Promise<Format> {
  const ext = path.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === 'json') return 'json';
  if (ext === 'ndjson' || ext === 'jsonl') return 'ndjson';
  if (ext === 'csv') return 'csv';
  const file = await open(path);
  let head: string;
  try {
    const { buffer, bytesRead } = await file.read({ buffer: Buffer.alloc(1 << 16) });
    head = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } finally {
    await file.close();
  }
  const start = head.trimStart();
  if (start.startsWith('[')) return 'json';
  if (!start.startsWith('{')) return 'csv';
  // One object per line is NDJSON, unless that object is the whole { "entries": [...] } file.
  try {
    const first = JSON.parse(start.split('\n')[0]) as { entries?: unknown };
    return Array.isArray(first.entries) ? 'json' : 'ndjson';
  } catch {
    return 'json';
  }
}

export function readRecords(format: Format, text: TextStream): AsyncGenerator<RawRecord> {
  return format === 'json' ? readJson(text) : format === 'ndjson' ? readNdjson(text) : readCsv(text);
}

async function* readJson({ pieces }: TextStream): AsyncGenerator<RawRecord> {
  yield* jsonElements(pieces);
}

async function* readNdjson({ pieces }: TextStream): AsyncGenerator<RawRecord> {
  for await (const { number, text } of lines(pieces)) {
    if (!text.trim()) continue;
    try {
      yield { line: number, value: JSON.parse(text) };
    } catch (err) {
      yield { line: number, problem: `not valid JSON: ${(err as Error).message}` };
    }
  }
}

async function* readCsv({ pieces }: TextStream): AsyncGenerator<RawRecord> {
  let header: string[] | undefined;
  for await (const row of csvRows(lines(pieces))) {
    if (!header) {
      if (row.problem)
        throw new FormatError(`not a stocktaking CSV: the header row (line ${row.line}) is not valid CSV`);
      header = csvHeader(row.cells);
    } else if (row.problem) {
      yield { line: row.line, problem: row.problem };
    } else if (row.cells!.length !== header.length) {
      yield { line: row.line, problem: `expected ${header.length} columns, found ${row.cells!.length}` };
    } else {
      yield { line: row.line, value: csvEntry(header, row.cells!) };
    }
  }
  if (!header) csvHeader(undefined);
}
