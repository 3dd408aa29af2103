/**
 * The npm entry (src/index.ts) and the script build (src/bundle.ts with the loaders of
 * src/elements.ts) register the same elements: those of src/element-list.ts, each from its folder.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ELEMENTS } from '../../src/element-list.js';

const src = fileURLToPath(new URL('../../src/', import.meta.url));
const read = (path: string) => readFileSync(src + path, 'utf8');
const listed = Object.keys(ELEMENTS).sort();
const folderOf = (tag: string) => tag.replace(/^wsis-/, '');

/** Folders of the define modules a source file imports, statically or with import(). */
const defines = (text: string, dynamic: boolean) =>
  [
    ...text.matchAll(
      dynamic
        ? /import\('\.\/components\/([a-z-]+)\/define\.js'\)/g
        : /from '\.\/components\/([a-z-]+)\/define\.js'|^import '\.\/components\/([a-z-]+)\/define\.js'/gm,
    ),
  ]
    .map((m) => m[1] ?? m[2])
    .sort();

test('every wsis-* element defined under src/components is in the list, and nothing else', () => {
  const defined = readdirSync(src + 'components', { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'shared')
    .flatMap((d) =>
      [...read(`components/${d.name}/define.ts`).matchAll(/define\('(wsis-[a-z-]+)'/g)].map((m) => [d.name, m[1]]),
    );
  for (const [folder, tag] of defined) assert.equal(folderOf(tag), folder, `${tag} is defined in components/${folder}`);
  assert.deepEqual(defined.map(([, tag]) => tag).sort(), listed);
});

test('the npm entry registers every listed element', () => {
  assert.deepEqual(defines(read('index.ts'), false), listed.map(folderOf).sort());
});

test('the script build registers every listed element: the entry ones statically, the others with import()', () => {
  const entry = listed.filter((tag) => ELEMENTS[tag as keyof typeof ELEMENTS] === 'entry');
  const lazy = listed.filter((tag) => !entry.includes(tag));
  assert.deepEqual(defines(read('bundle.ts'), false), entry.map(folderOf).sort());
  assert.deepEqual(defines(read('elements.ts'), true), lazy.map(folderOf).sort());
  for (const tag of lazy)
    assert.match(
      read('elements.ts'),
      new RegExp(`'${tag}': \\(\\) => import\\('\\./components/${folderOf(tag)}/define\\.js'\\)`),
    );
});
