/**
 * Reads a file as UTF-8 text in pieces that end at line breaks, so the whole file is never in memory.
 * Invalid byte sequences become U+FFFD, like any decoder would, but each line that held one is reported.
 */
import { createReadStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';

/** A line longer than this is cut (at a character boundary) rather than buffered whole. */
const MAX_PIECE = 1 << 20;
const NEWLINE = 0x0a;

export interface TextStream {
  pieces: AsyncIterable<string>;
  /** Lines (1-based) that held bytes that are not UTF-8, in order; filled while `pieces` is read. */
  invalidLines: number[];
}

export function readText(path: string): TextStream {
  const invalidLines: number[] = [];
  return { pieces: pieces(path, invalidLines), invalidLines };
}

async function* pieces(path: string, invalidLines: number[]): AsyncGenerator<string> {
  let rest: Buffer = Buffer.alloc(0);
  let line = 1;
  let first = true;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) {
    let buf = rest.length ? Buffer.concat([rest, chunk as Buffer]) : (chunk as Buffer);
    if (first && buf.length >= 3) {
      // The BOM spreadsheet programs write: not part of the first cell.
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
      first = false;
    }
    let end = buf.lastIndexOf(NEWLINE) + 1;
    if (!end && buf.length > MAX_PIECE) end = charBoundary(buf);
    if (!end) {
      rest = buf;
      continue;
    }
    rest = Buffer.from(buf.subarray(end));
    yield decode(buf.subarray(0, end), line, invalidLines);
    line += count(buf.subarray(0, end));
  }
  if (rest.length) yield decode(rest, line, invalidLines);
}

/** The last position that does not split a multi-byte character. */
function charBoundary(buf: Buffer): number {
  let end = buf.length;
  // Back up over continuation bytes (10xxxxxx) to the lead byte, then before it.
  for (let k = 0; k < 4 && end > 0 && (buf[end - 1] & 0xc0) === 0x80; k++) end--;
  return end > 0 && buf[end - 1] >= 0xc0 ? end - 1 : buf.length;
}

function count(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(NEWLINE); i !== -1; i = buf.indexOf(NEWLINE, i + 1)) n++;
  return n;
}

function decode(buf: Buffer, line: number, invalidLines: number[]): string {
  if (!isUtf8(buf)) {
    // Rare: find which lines of the piece are at fault.
    let start = 0;
    for (let n = line; start <= buf.length; n++) {
      const stop = buf.indexOf(NEWLINE, start);
      const end = stop === -1 ? buf.length : stop;
      if (!isUtf8(buf.subarray(start, end)) && invalidLines.at(-1) !== n) invalidLines.push(n);
      if (stop === -1) break;
      start = stop + 1;
    }
  }
  return buf.toString('utf8');
}
