import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateEntry, isHttpUrl } from '../../src/data/entry.js';
import { INHERITED_NAMES } from '../fixtures/inherited-names.js';

const valid = {
  id: 'ws-1',
  title: 'Rural broadband for clinics',
  description: 'Connects district clinics.\n\nSecond paragraph.',
  organization: 'Ministry of ICT',
  entityType: 'government',
  countries: ['RW'],
  regions: ['africa'],
  actionLines: ['C2', 'C7.e-health'],
  sdgs: [3, 9],
  status: 'ongoing',
  startYear: 2019,
  endYear: null,
  website: 'https://example.org/p',
  updated: '2024-05-02',
  prize: { year: 2023, status: 'winner' },
};

function problemsOf(patch: Record<string, unknown>): string[] {
  const result = validateEntry({ ...valid, ...patch });
  assert.equal(result.ok, false, 'expected the entry to be rejected');
  return result.ok ? [] : result.problems;
}

test('accepts a complete entry and strips unknown fields', () => {
  const result = validateEntry({ ...valid, extra: 'x' });
  assert.ok(result.ok);
  assert.equal((result.entry as Record<string, unknown>).extra, undefined);
  assert.equal(result.entry.title, valid.title);
});

test('rejects a missing id, naming the field', () => {
  const { id: _id, ...rest } = valid;
  const result = validateEntry(rest);
  assert.ok(!result.ok);
  assert.deepEqual(result.problems, ['id: is required']);
});

test('rejects a non-string title, naming the field', () => {
  assert.deepEqual(problemsOf({ title: 42 }), ['title: must be a string, not 42']);
});

test('rejects an unknown action line, naming the field', () => {
  const problems = problemsOf({ actionLines: ['C2', 'C99'] });
  assert.equal(problems.length, 1);
  assert.match(problems[0], /^actionLines\.1: must be one of C1-C11/);
});

test('rejects javascript:, data: and relative websites, naming the field', () => {
  for (const website of ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,x', '/relative', 'https//x']) {
    assert.deepEqual(problemsOf({ website }), ['website: must be an absolute http: or https: URL'], website);
  }
});

test('limits websites to 2048 characters', () => {
  const at = (n: number) => `https://example.org/${'a'.repeat(n - 'https://example.org/'.length)}`;
  assert.equal(at(2048).length, 2048);
  assert.ok(validateEntry({ ...valid, website: at(2048) }).ok);
  assert.deepEqual(problemsOf({ website: at(2049) }), ['website: must be at most 2048 characters']);
});

test('rejects other bad values with field names', () => {
  assert.match(problemsOf({ countries: ['XX'] })[0], /^countries\.0: /);
  assert.match(problemsOf({ sdgs: [18] })[0], /^sdgs\.0: /);
  assert.match(problemsOf({ updated: '2024-13-40' })[0], /^updated: /);
  assert.match(problemsOf({ endYear: 2001 })[0], /endYear must not be before startYear/);
  assert.match(problemsOf({ prize: { year: 2023, status: 'gold' } })[0], /^prize\.status: /);
  const nonObject = validateEntry('entry');
  assert.ok(!nonObject.ok);
  assert.match(nonObject.problems[0], /^entry: must be an object/);
});

test('isHttpUrl accepts only absolute http(s) URLs', () => {
  assert.ok(isHttpUrl('http://a.example'));
  assert.ok(isHttpUrl('HTTPS://a.example/x?y'));
  for (const bad of ['javascript:x', 'vbscript:x', 'data:x', 'ftp://a', '//a.example', 'https:', '']) {
    assert.equal(isHttpUrl(bad), false, bad);
  }
});

test('inherited property names are not country codes', () => {
  for (const name of INHERITED_NAMES) {
    assert.deepEqual(
      problemsOf({ countries: ['RW', name] }),
      ['countries.1: must be an ISO 3166-1 alpha-2 code'],
      name,
    );
  }
});
