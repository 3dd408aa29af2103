import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { enCore } from '../../src/i18n/en-core.js';
import { en } from '../../src/i18n/en.js';
import { enFilters } from '../../src/i18n/en-filters.js';

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
  // The filter labels (shared/labels.ts, in the script) register the filters' English themselves.
  const carried = { ...enCore, ...enFilters };
  const missing = [...used].filter(([key]) => !(key in carried)).map(([key, file]) => `${key} (${file})`);
  assert.deepEqual(missing, [], 'move these from en-extras.ts to en-core.ts');
});

test('every message a lazily loaded element uses is in English it registers, or in the core', async () => {
  const parts: Record<string, Record<string, string>> = {
    enDetail: (await import('../../src/i18n/en-detail.js')).enDetail,
    enExport: (await import('../../src/i18n/en-export.js')).enExport,
    enFilters: (await import('../../src/i18n/en-filters.js')).enFilters,
    enMap: (await import('../../src/i18n/en-map.js')).enMap,
  };
  const keys = new Set(Object.keys(en));
  const problems: string[] = [];
  for (const folder of [
    'action-line-filter',
    'country-map',
    'entry-detail',
    'export',
    'facet-filter',
    'filter-chips',
  ]) {
    const sources = files(`src/components/${folder}`).filter((f) => f.endsWith('.ts'));
    const text = sources.map((f) => readFileSync(f, 'utf8')).join('\n');
    const registered = [...text.matchAll(/registerMessages\('en', ([^)]+)\)/g)].flatMap(
      (m) => m[1].match(/en[A-Z]\w+/g) ?? [],
    );
    assert.ok(registered.length > 0, `${folder} registers no English`);
    const own = new Set([...Object.keys(enCore), ...registered.flatMap((name) => Object.keys(parts[name] ?? {}))]);
    // The shared helpers it imports count as its own.
    const helpers = [...text.matchAll(/from '\.\.\/shared\/([\w-]+)\.js'/g)].map(
      (m) => `src/components/shared/${m[1]}.ts`,
    );
    const used = [text, ...helpers.map((f) => readFileSync(f, 'utf8'))].join('\n');
    for (const [, key] of used.matchAll(/['`]([a-zA-Z]+\.[a-zA-Z0-9.]+)['`]/g)) {
      if (keys.has(key) && !own.has(key)) problems.push(`${key} (${folder})`);
    }
  }
  assert.deepEqual([...new Set(problems)], []);
});
