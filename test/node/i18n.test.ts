import { test } from 'node:test';
import assert from 'node:assert/strict';
import { en, type MessageKey } from '../../src/i18n/en.js';
import { ar } from '../../src/i18n/ar.js';
import { es } from '../../src/i18n/es.js';
import { fr } from '../../src/i18n/fr.js';
import { ru } from '../../src/i18n/ru.js';
import { zh } from '../../src/i18n/zh.js';
import { t, type Lang } from '../../src/i18n/index.js';
import '../../src/i18n/all.js';

/** Loosened on purpose: these checks must hold at run time, whatever the types say. */
const catalogues: Record<Exclude<Lang, 'en'>, Record<string, unknown>> = { ar, zh, fr, ru, es };
const langs = Object.keys(catalogues) as Exclude<Lang, 'en'>[];
const enKeys = Object.keys(en) as MessageKey[];

/** Messages that may read exactly as in English because the word is the same in that language. */
const SAME_AS_ENGLISH: Partial<Record<Lang, readonly MessageKey[]>> = {
  fr: [
    'search.suggestions',
    'results.pages',
    'results.page',
    'prize.champion',
    'region.europe',
    'editor.field.description',
  ],
};

interface Plural {
  name: string;
  selectors: string[];
}

interface Parsed {
  names: Set<string>;
  plurals: Plural[];
  errors: string[];
}

function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Collects `{name}` and `{name, plural, …}` arguments, recursing into plural branches. */
function parse(message: string, out: Parsed = { names: new Set(), plurals: [], errors: [] }): Parsed {
  let i = 0;
  for (;;) {
    const open = message.indexOf('{', i);
    const stray = message.indexOf('}', i);
    if (stray >= 0 && (open < 0 || stray < open)) out.errors.push(`stray "}" at ${stray}`);
    if (open < 0) break;
    const end = closing(message, open);
    if (end < 0) {
      out.errors.push(`unclosed "{" at ${open}`);
      break;
    }
    const inner = message.slice(open + 1, end);
    const simple = /^\s*(\w+)\s*$/.exec(inner);
    const plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
    if (simple) out.names.add(simple[1]);
    else if (plural) parsePlural(plural[1], plural[2], out);
    else out.errors.push(`unknown argument {${inner}}`);
    i = end + 1;
  }
  return out;
}

function parsePlural(name: string, body: string, out: Parsed): void {
  out.names.add(name);
  const selectors: string[] = [];
  const re = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y;
  let i = 0;
  while (body.slice(i).trim()) {
    re.lastIndex = i;
    const match = re.exec(body);
    const open = match ? match.index + match[0].length - 1 : -1;
    const end = match ? closing(body, open) : -1;
    if (!match || end < 0) {
      out.errors.push(`bad plural branch in {${name}} near "${body.slice(i, i + 20)}"`);
      return;
    }
    if (selectors.includes(match[1])) out.errors.push(`duplicate plural branch ${match[1]} in {${name}}`);
    selectors.push(match[1]);
    parse(body.slice(open + 1, end), out);
    i = end + 1;
  }
  out.plurals.push({ name, selectors });
}

const sorted = (set: Iterable<string>) => [...set].sort();

test('English messages parse cleanly', () => {
  for (const key of enKeys) assert.deepEqual(parse(en[key]).errors, [], key);
});

for (const lang of langs) {
  const catalogue = catalogues[lang];
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[];

  test(`${lang}: has every English key and no others`, () => {
    const missing = enKeys.filter((key) => !Object.hasOwn(catalogue, key));
    const extra = Object.keys(catalogue).filter((key) => !Object.hasOwn(en, key));
    assert.deepEqual(missing, [], `${lang} lacks: ${missing.join(', ')}`);
    assert.deepEqual(extra, [], `${lang} has unknown keys: ${extra.join(', ')}`);
    const empty = enKeys.filter((key) => typeof catalogue[key] !== 'string' || !(catalogue[key] as string).trim());
    assert.deepEqual(empty, [], `${lang} has empty or non-string messages: ${empty.join(', ')}`);
  });

  test(`${lang}: keeps the English placeholders`, () => {
    for (const key of enKeys) {
      const message = catalogue[key];
      if (typeof message !== 'string') continue;
      const ours = parse(message);
      const theirs = parse(en[key]);
      assert.deepEqual(ours.errors, [], `${lang} ${key}`);
      assert.deepEqual(sorted(ours.names), sorted(theirs.names), `${lang} ${key}: placeholders differ`);
      assert.deepEqual(
        sorted(ours.plurals.map((p) => p.name)),
        sorted(theirs.plurals.map((p) => p.name)),
        `${lang} ${key}: plural arguments differ`,
      );
    }
  });

  test(`${lang}: plural blocks cover the language's categories`, () => {
    for (const key of enKeys) {
      const message = catalogue[key];
      if (typeof message !== 'string') continue;
      const englishExact = parse(en[key]).plurals.flatMap((p) => p.selectors.filter((s) => s.startsWith('=')));
      for (const { name, selectors } of parse(message).plurals) {
        const where = `${lang} ${key} {${name}}`;
        assert.ok(selectors.includes('other'), `${where}: no "other" branch`);
        const unknown = selectors.filter((s) => !s.startsWith('=') && !categories.includes(s));
        assert.deepEqual(unknown, [], `${where}: categories not used by ${lang}`);
        const uncovered = categories.filter((c) => !selectors.includes(c));
        assert.deepEqual(uncovered, [], `${where}: missing plural forms`);
        for (const exact of englishExact) assert.ok(selectors.includes(exact), `${where}: missing ${exact} branch`);
      }
    }
  });

  test(`${lang}: every message formats completely`, () => {
    for (const key of enKeys) {
      // Every English argument gets a value: numbers for plurals, text for the rest.
      const { names, plurals } = parse(en[key]);
      const params: Record<string, string | number> = Object.fromEntries([...names].map((name) => [name, 'x']));
      for (const n of [0, 1, 2, 3, 5, 11, 100, 1_000_000]) {
        for (const p of plurals) params[p.name] = n;
        const text = t(lang, key, params);
        assert.ok(!/[{}#]/.test(text), `${lang} ${key} (n=${n}): "${text}"`);
      }
      // Plain messages come back verbatim, which also shows the catalogue was registered.
      const message = catalogue[key];
      if (typeof message === 'string' && !message.includes('{')) assert.equal(t(lang, key), message, `${lang} ${key}`);
    }
  });

  test(`${lang}: messages are translated`, () => {
    const allowed = SAME_AS_ENGLISH[lang] ?? [];
    for (const key of allowed) assert.ok(Object.hasOwn(en, key), `allowlist names unknown key ${key}`);
    const untranslated = enKeys.filter(
      (key) =>
        catalogue[key] === en[key] && /\p{L}/u.test(en[key].replace(/\{\s*\w+\s*\}/g, '')) && !allowed.includes(key),
    );
    assert.deepEqual(untranslated, [], `${lang} still has English text: ${untranslated.join(', ')}`);
  });
}
