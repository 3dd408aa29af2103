/**
 * The elements of a JSON array of entries, or of the "entries" array of a JSON object, read from a
 * stream of text pieces. Each element is parsed on its own, so memory holds one element at a time.
 * The file must be valid JSON as a whole: any syntax error fails the import (FormatError), with its line.
 */
import { FormatError } from './format-error.js';

export interface JsonElement {
  /** Line where the element starts. */
  line: number;
  /** 1-based position in the array. */
  entry: number;
  value: unknown;
}

const SHAPE = 'expected a JSON array of entries or an object { "entries": [...] }';

// Where the reader is in the outer structure.
const enum At {
  Start,
  ArrayFirst, // after "[": an element or "]"
  ArrayElement, // after ",": an element
  ArrayNext, // after an element: "," or "]"
  ObjectFirst, // after "{": a key or "}"
  ObjectKey, // after ",": a key
  Colon,
  ObjectValue,
  ObjectNext, // after a value: "," or "}"
  End,
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

export async function* jsonElements(pieces: AsyncIterable<string>): AsyncGenerator<JsonElement> {
  let at = At.Start as At; // widened: `finish` changes it too
  let line = 1;
  /** Whether the array being read is the one holding the entries (top level, or "entries"). */
  let inEntries = false;
  let entriesLine = 0;
  let key = '';
  let entry = 0;
  // The value being captured: its text so far, where it started, and its nesting.
  let parts: string[] | undefined;
  let from = 0;
  let startLine = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let literal = false;
  const results: JsonElement[] = [];

  const fail = (what: string, where = line): never => {
    throw new FormatError(`not valid JSON at line ${where}: ${what}`);
  };
  const parseCaptured = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch (err) {
      return fail((err as Error).message.replace(/ in JSON at position \d+.*$/s, ''), startLine);
    }
  };
  /** A captured value is complete: an entry, a key, or another value of the object (checked, then dropped). */
  const finish = (text: string) => {
    parts = undefined;
    const value = parseCaptured(text);
    if (at === At.ArrayFirst || at === At.ArrayElement) {
      results.push({ line: startLine, entry: ++entry, value });
      at = At.ArrayNext;
    } else if (at === At.ObjectFirst || at === At.ObjectKey) {
      key = value as string;
      at = At.Colon;
    } else {
      if (key === 'entries') fail(SHAPE, startLine);
      at = At.ObjectNext;
    }
  };

  for await (const piece of pieces) {
    for (let i = 0; i < piece.length; i++) {
      const c = piece.charCodeAt(i);
      if (parts) {
        if (c === 0x0a) line++;
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 0x5c) escaped = true;
          else if (c === 0x22) {
            inString = false;
            if (depth === 0) finish(parts.join('') + piece.slice(from, i + 1));
          }
        } else if (literal) {
          if (c === 0x2c || c === 0x5d || c === 0x7d || isSpace(c)) {
            literal = false;
            if (c === 0x0a) line--;
            finish(parts.join('') + piece.slice(from, i));
            i--; // the delimiter belongs to the outer structure
          }
        } else if (c === 0x22) inString = true;
        else if (c === 0x7b || c === 0x5b) depth++;
        else if (c === 0x7d || c === 0x5d) {
          if (--depth === 0) finish(parts.join('') + piece.slice(from, i + 1));
        }
        continue;
      }
      if (c === 0x0a) line++;
      if (isSpace(c)) continue;
      const begin = () => {
        parts = [];
        from = i;
        startLine = line;
        depth = c === 0x7b || c === 0x5b ? 1 : 0;
        inString = c === 0x22;
        literal = !inString && depth === 0;
      };
      switch (at) {
        case At.Start:
          if (c === 0x5b) {
            at = At.ArrayFirst;
            inEntries = true;
          } else if (c === 0x7b) at = At.ObjectFirst;
          else fail(SHAPE);
          break;
        case At.ArrayFirst:
          if (c === 0x5d) at = inEntries && entriesLine ? At.ObjectNext : At.End;
          else begin();
          break;
        case At.ArrayElement:
          if (c === 0x5d) fail('a "]" follows a ","');
          begin();
          break;
        case At.ArrayNext:
          if (c === 0x2c) at = At.ArrayElement;
          else if (c === 0x5d) at = entriesLine ? At.ObjectNext : At.End;
          else fail('expected "," or "]" after an array element');
          break;
        case At.ObjectFirst:
        case At.ObjectKey:
          if (c === 0x7d && at === At.ObjectFirst) at = At.End;
          else if (c === 0x22) begin();
          else fail('expected a quoted key');
          break;
        case At.Colon:
          if (c !== 0x3a) fail('expected ":" after a key');
          at = At.ObjectValue;
          break;
        case At.ObjectValue:
          if (key === 'entries') {
            if (entriesLine) fail(`the key "entries" appears twice (lines ${entriesLine} and ${line}); keep one`);
            entriesLine = line;
            if (c !== 0x5b) fail(SHAPE);
            at = At.ArrayFirst;
            inEntries = true;
          } else begin();
          break;
        case At.ObjectNext:
          if (c === 0x2c) at = At.ObjectKey;
          else if (c === 0x7d) at = At.End;
          else fail('expected "," or "}" after a value');
          break;
        case At.End:
          fail('unexpected text after the end of the JSON');
      }
    }
    if (parts) {
      parts.push(piece.slice(from));
      from = 0;
    }
    yield* results;
    results.length = 0;
  }
  if (parts && literal) {
    literal = false;
    finish(parts.join(''));
    yield* results;
  }
  if (at !== At.End) fail('the file ends before the JSON does');
  if (!inEntries) fail(SHAPE);
}
