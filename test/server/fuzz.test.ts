import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { ACTION_LINES, REGIONS } from '../../src/data/vocabulary.js';
import { FACET_NAMES, FILTER_KEYS, tokenize } from '../../src/data/query.js';
import { buildApp } from '../../server/app.js';
import { INHERITED_NAMES } from '../fixtures/inherited-names.js';
import { MAX_QUERY_STRING, MAX_TERMS } from '../../server/limits.js';
import { startServer, type Server } from './helpers.js';

let server: Server;
let app: FastifyInstance;
before(async () => {
  server = await startServer(1500, 3);
  // In-process requests are much faster than sockets; cache off so every request is computed.
  app = buildApp({ dbPath: `${server.dir}/test.db`, cacheMb: 0 });
  await app.ready();
});
after(async () => {
  await app.close();
  await server.close();
});

const SYNTAX = [
  '"',
  '*',
  'NEAR(',
  'NEAR/3',
  'OR',
  '-',
  'AND',
  'NOT',
  '^',
  ':',
  '(',
  ')',
  '{',
  '}',
  '+',
  "'",
  '\\',
  '%',
  'title:',
  '""',
  'e-health',
];
const WORDS = [
  'health',
  'mobile',
  'th',
  'wmoen',
  'agricultre',
  'digital',
  'a',
  'the',
  'data',
  'côte',
  '中文',
  'ß',
  'İ',
  '🙂',
  '\u0000',
  '\u200b',
];

const token = fc.oneof(
  fc.constantFrom(...SYNTAX),
  fc.constantFrom(...WORDS),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const text = fc.array(token, { maxLength: 12 }).map((parts) => parts.join(' '));

const value = fc.oneof(
  text,
  fc.constantFrom(
    ...ACTION_LINES,
    ...REGIONS,
    'C7',
    'INTL',
    'intl',
    'ke',
    'KE',
    'XX',
    'any',
    'winner',
    '3',
    '3,4',
    '18',
    '0',
    '-1',
    '1.5',
    '1e3',
    '2020',
    '99999999',
    '',
    ...INHERITED_NAMES,
  ),
  fc.integer({ min: -1e6, max: 1e6 }).map(String),
  fc.string({ minLength: 190, maxLength: 260 }),
  fc.constant('x'.repeat(10000)),
  fc.array(fc.constantFrom(...FACET_NAMES, 'bogus', ''), { maxLength: 9 }).map((f) => f.join(',')),
);
const name = fc.oneof(
  fc.constantFrom('q', ...FILTER_KEYS, 'yearFrom', 'yearTo', 'sort', 'page', 'pageSize', 'facets', 'utm_source', '_'),
  fc.string({ maxLength: 6 }),
);
const query = fc.array(fc.tuple(name, value), { maxLength: 10 }).map((pairs) => {
  const qs = new URLSearchParams();
  for (const [k, v] of pairs) qs.append(k, v);
  return qs.toString();
});
/** Raw query strings too: broken escapes, stray separators. */
const raw = fc.string({
  unit: fc.constantFrom('%', 'E0', 'A4', '&', '=', '+', 'q', 'page', '1', '[', ']', '#', ';'),
  maxLength: 30,
});

async function check(qs: string) {
  const res = await app.inject(`/api/v1/entries?${qs}`);
  assert.ok(res.statusCode === 200 || res.statusCode === 400, `${res.statusCode} for ?${qs}`);
  const body = res.json();
  if (res.statusCode === 200) {
    assert.equal(typeof body.total, 'number');
    assert.ok(Array.isArray(body.items));
  } else if (qs.length > MAX_QUERY_STRING) {
    assert.equal(body.error.code, 'bad_request', qs);
  } else {
    assert.equal(body.error.code, 'invalid_parameter', qs);
    assert.equal(typeof body.error.message, 'string');
    assert.equal(typeof body.error.parameter, 'string');
  }
}

test('10,000 random queries never get a 5xx and errors keep the contract shape', async () => {
  await fc.assert(fc.asyncProperty(query, check), { numRuns: 8000, seed: 20240501 });
  await fc.assert(fc.asyncProperty(raw, check), { numRuns: 2000, seed: 7 });
});

test('inherited property names are not filter values', async () => {
  for (const name of INHERITED_NAMES) {
    assert.equal((await app.inject(`/api/v1/entries?country=${name}`)).statusCode, 400, name);
    const res = await app.inject(`/api/v1/entries?organization=${name}&facets=organization,country`);
    assert.equal(res.statusCode, 200, name);
    assert.equal(res.json().total, 0, name);
  }
});

test('search syntax in q is plain text: always 200', async () => {
  await fc.assert(
    fc.asyncProperty(text, async (q) => {
      const searched = q.slice(0, 200);
      const res = await app.inject(`/api/v1/entries?${new URLSearchParams({ q: searched, facets: 'sdg' })}`);
      // The one refusal allowed: more different search words than the cap (the oracle counts them itself).
      const tooMany = new Set(tokenize(searched)).size > MAX_TERMS;
      if (tooMany) assert.equal(res.json().error?.parameter, 'q', `${res.body} for q=${q}`);
      else assert.equal(res.statusCode, 200, `${res.body} for q=${q}`);
    }),
    { numRuns: 2000, seed: 99 },
  );
});

test('entry ids and paths of any shape answer 200 or 404', async () => {
  await fc.assert(
    fc.asyncProperty(fc.string({ maxLength: 80 }), async (id) => {
      const res = await app.inject(`/api/v1/entries/${encodeURIComponent(id)}`);
      assert.ok([200, 404].includes(res.statusCode), `${res.statusCode} for ${id}`);
      if (res.statusCode === 404) assert.equal(res.json().error.code, 'not_found');
    }),
    { numRuns: 500, seed: 5 },
  );
});
