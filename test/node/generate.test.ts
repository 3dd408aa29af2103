import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entriesOf, generateEntries, generateEntry } from '../../scripts/sample/generate.js';
import { validateEntry } from '../../src/data/entry.js';
import { COUNTRY_CODES, COUNTRY_REGION } from '../../src/data/countries.js';
import { REGIONS } from '../../src/data/vocabulary.js';
import { LOCAL_TEXTS, localTextAt, localTextIndex } from '../../scripts/sample/multilingual.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLE = generateEntries(2000, 1);

/** Entries written from the generator's English phrase banks (not a hand-written local text). */
const GENERATED = SAMPLE.filter((_, i) => !localTextAt(i));

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

describe('generateEntries', () => {
  it('produces entries that all pass validateEntry', () => {
    const failures = SAMPLE.flatMap((entry) => {
      const result = validateEntry(entry);
      return result.ok ? [] : [`${entry.id}: ${result.problems.join('; ')}`];
    });
    assert.deepEqual(failures, []);
  });

  it('is byte-identical for the same count and seed', () => {
    assert.equal(JSON.stringify(generateEntries(300, 42)), JSON.stringify(generateEntries(300, 42)));
    assert.equal(JSON.stringify(generateEntries(2000, 1)), JSON.stringify(SAMPLE));
  });

  it('differs for a different seed', () => {
    assert.notEqual(JSON.stringify(generateEntries(300, 1)), JSON.stringify(generateEntries(300, 2)));
  });

  it('keeps entry N independent of the count', () => {
    assert.deepEqual(generateEntries(500, 9).slice(0, 100), generateEntries(100, 9));
    assert.deepEqual(generateEntry(1234, 1), SAMPLE[1234]);
  });

  it('yields the same entries lazily', () => {
    assert.deepEqual([...entriesOf(200, 1)], SAMPLE.slice(0, 200));
  });

  it('rejects a negative or fractional count', () => {
    assert.throws(() => generateEntries(-1, 1), RangeError);
    assert.throws(() => generateEntries(1.5, 1), RangeError);
    assert.deepEqual(generateEntries(0, 1), []);
  });

  it('gives unique, zero-padded ids in order', () => {
    assert.equal(new Set(SAMPLE.map((e) => e.id)).size, SAMPLE.length);
    assert.equal(SAMPLE[0].id, 'ws-000001');
    assert.equal(SAMPLE[122].id, 'ws-000123');
  });

  it('covers every ISO country', () => {
    const seen = new Set(SAMPLE.flatMap((e) => e.countries));
    const missing = COUNTRY_CODES.filter((c) => !seen.has(c));
    assert.deepEqual(missing, []);
  });

  it('has a realistic share of government and international entries', () => {
    const government = SAMPLE.filter((e) => e.entityType === 'government').length / SAMPLE.length;
    assert.ok(government >= 0.4 && government <= 0.6, `government share ${government}`);
    const international = SAMPLE.filter((e) => e.countries.length === 0).length / SAMPLE.length;
    assert.ok(international >= 0.06 && international <= 0.18, `international share ${international}`);
  });

  it('writes descriptions of 80-250 words', () => {
    const outside = GENERATED.filter((e) => words(e.description) < 80 || words(e.description) > 250);
    assert.deepEqual(
      outside.map((e) => `${e.id}: ${words(e.description)}`),
      [],
    );
  });

  it('derives regions from countries', () => {
    for (const e of SAMPLE) {
      const expected = REGIONS.filter((r) => e.countries.some((c) => COUNTRY_REGION[c] === r));
      assert.deepEqual(e.regions, expected, e.id);
    }
  });

  it('keeps status, years and dates consistent', () => {
    for (const e of SAMPLE) {
      assert.ok(e.startYear >= 2004 && e.startYear <= 2026, e.id);
      if (e.status === 'completed')
        assert.ok(e.endYear !== null && e.endYear >= e.startYear && e.endYear <= 2026, e.id);
      else assert.equal(e.endYear, null, e.id);
      if (e.status === 'planned') assert.ok(e.startYear >= 2025, e.id);
      assert.ok(e.updated >= `${e.startYear}-01-01` && e.updated <= '2026-11-01', `${e.id} ${e.updated}`);
      if (e.prize) assert.ok(e.prize.year >= e.startYear && e.prize.year <= 2026, e.id);
    }
  });

  it("uses the key terms of an entry's action line", () => {
    const terms: Record<string, RegExp> = {
      'C7.e-health': /health/,
      C5: /cybersecurity/,
      C2: /broadband/,
      'C7.e-agriculture': /agriculture/,
      'C7.e-government': /e-government/,
      C4: /education|learning/,
      'C7.e-learning': /education|learning/,
    };
    for (const [line, term] of Object.entries(terms)) {
      // Entries about this topic only (plain C7 may accompany a C7 sub-line).
      const only = (e: (typeof SAMPLE)[number]) => e.actionLines.filter((l) => !(l === 'C7' && line.startsWith('C7.')));
      const entries = GENERATED.filter((e) => only(e).join() === line);
      assert.ok(entries.length > 10, `${line}: ${entries.length} entries`);
      const misses = entries.filter((e) => !term.test(`${e.title} ${e.description}`.toLowerCase()));
      assert.deepEqual(
        misses.map((e) => e.id),
        [],
        `${line} without ${term}`,
      );
    }
    assert.ok(SAMPLE.some((e) => e.description.includes('telemedicine')));
  });

  it('carries every local text once, in all six languages, at fixed indices', () => {
    assert.equal(LOCAL_TEXTS.length, 60);
    assert.deepEqual(new Set(LOCAL_TEXTS.map((t) => t.lang)), new Set(['ar', 'zh', 'en', 'fr', 'ru', 'es']));
    for (const text of LOCAL_TEXTS) {
      const entry = SAMPLE[localTextIndex(text.key)];
      assert.equal(entry.title, text.title, text.key);
      assert.equal(entry.description, text.description, text.key);
    }
    assert.equal(SAMPLE.length - GENERATED.length, LOCAL_TEXTS.length);
    assert.equal(SAMPLE.find((e) => e.title === '远程医疗健康服务平台')?.id, 'ws-000008');
  });

  it('repeats organizations, with ITU among the most frequent', () => {
    const counts = new Map<string, number>();
    for (const e of SAMPLE) counts.set(e.organization, (counts.get(e.organization) ?? 0) + 1);
    // 2000 entries over 249 countries: most local bodies appear once or twice, agencies often.
    assert.ok(counts.size < SAMPLE.length * 0.8, `${counts.size} organizations`);
    assert.ok(Math.max(...counts.values()) >= 20);
    const top = [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([name]) => name);
    assert.ok(top.includes('International Telecommunication Union (ITU)'), top.join(', '));
  });
});

describe('scripts/generate-data.ts', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/generate-data.ts', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });

  it('writes the same bytes for the same arguments', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wsis-generate-'));
    try {
      const a = join(dir, 'a.json');
      const b = join(dir, 'b.json');
      for (const out of [a, b]) {
        const run = cli(['--count', '50', '--seed', '7', '--out', out]);
        assert.equal(run.status, 0, run.stderr);
        assert.match(run.stderr, /50 entries/);
      }
      const bytes = readFileSync(a);
      assert.ok(bytes.equals(readFileSync(b)));
      const parsed = JSON.parse(bytes.toString('utf8')) as unknown[];
      assert.equal(parsed.length, 50);
      assert.deepEqual(parsed, JSON.parse(JSON.stringify(generateEntries(50, 7))));
      // One entry per line so large files can be streamed.
      assert.equal(bytes.toString('utf8').split('\n').length, 50 + 3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes NDJSON to stdout', () => {
    const run = cli(['--count', '3', '--seed', '7', '--format', 'ndjson']);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.deepEqual(
      lines.map((l) => JSON.parse(l) as unknown),
      JSON.parse(JSON.stringify(generateEntries(3, 7))),
    );
  });

  it('exits with code 2 and a usage message for a bad count', () => {
    const run = cli(['--count', 'abc']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--count must be an integer/);
    assert.match(run.stderr, /Usage:/);
    assert.equal(run.stdout, '');
  });
});
