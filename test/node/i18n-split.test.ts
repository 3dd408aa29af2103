import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { enCore } from '../../src/i18n/en-core.js';
import { en } from '../../src/i18n/en.js';

/** Folders and files that end up in the widget script (the module entry, src/bundle.ts, and what it imports). */
const SCRIPT_SOURCES = [
  'src/components/stocktaking',
  'src/components/search-box',
  'src/components/entry-list',
  'src/components/shared/labels.ts',
  'src/components/shared/format.ts',
  'src/state',
  'src/internal',
  'src/themes',
  'src/data/api-source.ts',
  'src/data/fetch-json.ts',
  'src/data/entry.ts',
];

const files = (path: string): string[] =>
  statSync(path).isDirectory() ? readdirSync(path).flatMap((name) => files(join(path, name))) : [path];

test('every message the widget script uses is in the English it carries', () => {
  const keys = new Set(Object.keys(en));
  const used = new Map<string, string>();
  for (const file of SCRIPT_SOURCES.flatMap(files).filter((f) => f.endsWith('.ts'))) {
    for (const [, key] of readFileSync(file, 'utf8').matchAll(/['`]([a-zA-Z]+\.[a-zA-Z0-9.]+)['`]/g)) {
      if (keys.has(key)) used.set(key, file);
    }
  }
  assert.ok(used.size > 30, `found only ${used.size} message keys; is the pattern still right?`);
  const missing = [...used].filter(([key]) => !(key in enCore)).map(([key, file]) => `${key} (${file})`);
  assert.deepEqual(missing, [], 'move these from en-extras.ts to en-core.ts');
});
