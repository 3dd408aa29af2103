/**
 * CSV rows from a stream of lines (RFC 4180). A record ends at a line break outside quotes, so a
 * broken row is found by counting quotes, then parsed on its own by csv-parse: one bad row is one
 * rejection, and the rows after it are read as usual.
 */
import { parse } from 'csv-parse/sync';
import type { Line } from './lines.js';

export interface CsvRow {
  /** Line where the row starts. */
  line: number;
  cells?: string[];
  /** Set when the row is not valid CSV. */
  problem?: string;
}

/** A row may span many lines (descriptions), but an unclosed quote must not swallow the file. */
const MAX_ROW_CHARS = 256 * 1024;

export async function* csvRows(source: AsyncIterable<Line>): AsyncGenerator<CsvRow> {
  let pending: Line[] = [];
  let size = 0;
  let open = false;
  /** Lines to read again after an unclosed quote: the row is rejected from its first line only. */
  const again: Line[] = [];

  function* take(line: Line): Generator<CsvRow> {
    if (!pending.length && !line.text.trim()) return;
    pending.push(line);
    size += line.text.length + 1;
    if (quotes(line.text) % 2) open = !open;
    if (!open) {
      const result = row(pending);
      // A row over several lines that is not valid may have taken in the rows after it.
      if (result.problem && pending.length > 1) yield* unpaired();
      else yield result;
      pending = [];
      size = 0;
    } else if (size > MAX_ROW_CHARS) {
      yield* unpaired();
    }
  }

  /** Rejects the first line of what was read as one row, and reads the lines after it again. */
  function* unpaired(): Generator<CsvRow> {
    const [first, ...rest] = pending;
    yield { line: first.number, problem: `not valid CSV: ${UNPAIRED}` };
    pending = [];
    size = 0;
    open = false;
    again.unshift(...rest);
  }

  for await (const line of source) {
    yield* take(line);
    while (again.length) yield* take(again.shift()!);
  }
  while (pending.length) {
    yield* unpaired();
    while (again.length) yield* take(again.shift()!);
  }
}

function quotes(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) n++;
  return n;
}

const DOUBLED = 'a " inside a cell must be doubled: ""';
const UNPAIRED = `the quotes of this row do not pair up (${DOUBLED})`;
const REASONS: Record<string, string> = {
  CSV_INVALID_CLOSING_QUOTE: `a quoted cell has text after its closing quote (${DOUBLED})`,
  CSV_INVALID_OPENING_QUOTE: `a cell that does not start with a quote contains one (${DOUBLED} and the cell quoted)`,
};

function row(lines: Line[]): CsvRow {
  const line = lines[0].number;
  try {
    const records = parse(lines.map((l) => l.text).join('\n'), {
      record_delimiter: '\n',
      relax_column_count: true,
    }) as string[][];
    if (records.length === 1) return { line, cells: records[0] };
    return { line, problem: `not valid CSV: ${UNPAIRED}` };
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    const reason = Object.hasOwn(REASONS, code) ? REASONS[code] : (err as Error).message.replace(/ at line \d+/g, '');
    return { line, problem: `not valid CSV: ${reason}` };
  }
}
