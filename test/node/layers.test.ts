/**
 * The layering of eslint.config.js: a deliberate violation in each layer fails `npm run lint`
 * (ESLint with the project's own config, on source text placed in that folder).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The rule ids ESLint reports for `code` as if it were the file at `path`. */
async function rules(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${path}` });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

const violations: [what: string, path: string, code: string, rule: string][] = [
  ['data importing state', 'src/data/planted.ts', "import '../state/search-store.js';", 'no-restricted-imports'],
  [
    'data importing internal',
    'src/data/static/planted.ts',
    "import '../../internal/define.js';",
    'no-restricted-imports',
  ],
  ['data importing Lit', 'src/data/planted.ts', "import 'lit';", 'no-restricted-imports'],
  [
    'state importing a component',
    'src/state/planted.ts',
    "import '../components/entry-list/define.js';",
    'no-restricted-imports',
  ],
  [
    'state importing Lit outside its adapter',
    'src/state/planted.ts',
    "import '@lit/context';",
    'no-restricted-imports',
  ],
  [
    'internal importing a component',
    'src/internal/planted.ts',
    "import '../components/search-box/define.js';",
    'no-restricted-imports',
  ],
  [
    "a component importing another's folder",
    'src/components/export/planted.ts',
    "import '../entry-list/item.js';",
    'no-restricted-imports',
  ],
  [
    'a component calling fetch',
    'src/components/country-map/planted.ts',
    "export const get = () => fetch('/x');",
    'no-restricted-globals',
  ],
  [
    'a component calling window.fetch',
    'src/components/country-map/planted.ts',
    "export const get = () => window.fetch('/x');",
    'no-restricted-properties',
  ],
  [
    'the server importing browser state',
    'server/planted.ts',
    "import '../src/state/search-store.js';",
    'no-restricted-imports',
  ],
  [
    'the server importing a component',
    'server/planted.ts',
    "import '../src/components/export/export.js';",
    'no-restricted-imports',
  ],
];

for (const [what, path, code, rule] of violations) {
  test(`lint fails on ${what}`, async () => {
    assert.deepEqual(await rules(path, `${code}\n`), [rule]);
  });
}

test('what each layer may import passes', async () => {
  const allowed: [string, string][] = [
    ['src/data/planted.ts', "import './query.js';"],
    ['src/state/planted.ts', "import '../data/query.js';"],
    ['src/state/context.ts', "import '@lit/context';"],
    ['src/components/export/planted.ts', "import '../shared/format.js';\nimport '../../state/search-store.js';"],
    ['server/planted.ts', "import '../src/data/query.js';"],
  ];
  for (const [path, code] of allowed) assert.deepEqual(await rules(path, `${code}\n`), [], path);
});
