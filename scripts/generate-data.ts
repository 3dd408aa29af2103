/**
 * Writes seeded sample stocktaking entries as JSON or NDJSON.
 *
 *   npm run data -- --count 20000 --seed 1 --out data/sample.json
 *   npm run data -- --count 100000 --format ndjson > sample.ndjson
 *
 * Entries are generated and written one at a time, so large samples never sit in memory.
 */
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { entriesOf } from './sample/generate.js';

const MAX_COUNT = 10_000_000;

const USAGE = `Usage: npm run data -- [--count N] [--seed S] [--out FILE] [--format json|ndjson]

  --count N         number of entries, 0-${MAX_COUNT} (default 1000)
  --seed S          integer seed; the same count and seed give byte-identical output (default 1)
  --out FILE        output file (default: standard output)
  --format F        json: an array with one entry per line; ndjson: one entry per line (default json)
  -h, --help        show this help`;

interface Options {
  count: number;
  seed: number;
  out: string | undefined;
  format: 'json' | 'ndjson';
}

class UsageError extends Error {}

function parseInteger(flag: string, raw: string, min: number, max: number): number {
  if (!/^-?\d+$/.test(raw.trim())) throw new UsageError(`${flag} must be an integer, got "${raw}"`);
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag} must be between ${min} and ${max}, got ${raw}`);
  }
  return value;
}

function parseOptions(argv: string[]): Options | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        count: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    // parseArgs reports unknown flags and missing values; keep its wording.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'ndjson')
    throw new UsageError(`--format must be json or ndjson, got "${format}"`);
  if (values.out !== undefined && values.out.trim() === '') throw new UsageError('--out must not be empty');
  return {
    count: values.count === undefined ? 1000 : parseInteger('--count', values.count, 0, MAX_COUNT),
    seed:
      values.seed === undefined
        ? 1
        : parseInteger('--seed', values.seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
    out: values.out,
    format,
  };
}

/** Resolves once the stream has room again, so a slow disk or pipe limits memory use. */
function write(stream: Writable, chunk: string): Promise<void> | undefined {
  if (stream.write(chunk)) return undefined;
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (error: Error) => {
      stream.off('drain', onDrain);
      reject(error);
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}

async function openOutput(path: string | undefined): Promise<Writable> {
  if (path === undefined) return process.stdout;
  const stream = createWriteStream(path);
  // Fail early on a bad path instead of after generating everything.
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  return stream;
}

async function run(options: Options): Promise<number> {
  const started = performance.now();
  const stream = await openOutput(options.out);
  let failure: Error | undefined;
  stream.on('error', (error) => (failure ??= error));
  const json = options.format === 'json';
  let bytes = 0;
  let buffer = json ? '[' : '';
  let first = true;

  // Batching lines into ~64 KiB chunks keeps write() overhead low.
  const flush = async () => {
    if (failure) throw failure;
    if (buffer === '') return;
    bytes += Buffer.byteLength(buffer);
    const pending = write(stream, buffer);
    buffer = '';
    if (pending) await pending;
  };

  for (const entry of entriesOf(options.count, options.seed)) {
    const line = JSON.stringify(entry);
    buffer += json ? `${first ? '\n' : ',\n'}${line}` : `${line}\n`;
    first = false;
    if (buffer.length >= 65_536) await flush();
  }
  if (json) buffer += first ? ']\n' : '\n]\n';
  await flush();

  if (stream !== process.stdout) {
    await new Promise<void>((resolve, reject) => {
      stream.once('error', reject);
      stream.end(() => resolve());
    });
  }
  if (failure) throw failure;

  const ms = Math.round(performance.now() - started);
  const target = options.out ?? 'stdout';
  process.stderr.write(
    `generated ${options.count} entries (seed ${options.seed}, ${options.format}) -> ${target}: ${bytes} bytes in ${ms} ms\n`,
  );
  return 0;
}

async function main(): Promise<number> {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`error: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // A closed pipe (e.g. `| head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  try {
    return await run(options);
  } catch (error) {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

process.exitCode = await main();
