import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SearchResponse } from '../../src/data/query.js';
import { indexTerms } from '../../src/data/text/tokenize.js';
import { editDistance, maxEdits } from '../../src/data/typo.js';
import { matchesText, startServer, type Server } from './helpers.js';

let server: Server;
before(async () => {
  server = await startServer();
});
after(() => server.close());

const search = async (q: string) => {
  const { status, body } = await server.json<SearchResponse>(`/api/v1/entries?q=${encodeURIComponent(q)}&pageSize=10`);
  assert.equal(status, 200);
  return body;
};

describe('typo tolerance', () => {
  // [query, [from, to] corrections expected]
  const cases: [string, [string, string][]][] = [
    ['e-helth', [['helth', 'health']]],
    ['cybersecurty', [['cybersecurty', 'cybersecurity']]],
    ['agricultre', [['agricultre', 'agriculture']]],
    ['telemedicne', [['telemedicne', 'telemedicine']]],
    ['broadbnd', [['broadbnd', 'broadband']]],
    ['educaton', [['educaton', 'education']]],
    ['goverment', [['goverment', 'government']]],
    ['learnng', [['learnng', 'learning']]],
    ['infrastructre', [['infrastructre', 'infrastructure']]],
    ['connectvity', [['connectvity', 'connectivity']]],
    ['literacyy', [['literacyy', 'literacy']]],
    // Plurals are indexed as their singular, so a typo is measured against "woman".
    ['wmoan', [['wmoan', 'woman']]],
    [
      'e-helth telemedicne',
      [
        ['helth', 'health'],
        ['telemedicne', 'telemedicine'],
      ],
    ],
    ['mobiel payments', [['mobiel', 'mobile']]],
  ];

  for (const [q, corrections] of cases) {
    test(q, async () => {
      const body = await search(q);
      assert.deepEqual(
        body.corrections?.map((c) => [c.from, c.to]),
        corrections,
      );
      const fixed = corrections.reduce((text, [from, to]) => text.replace(from, to), q);
      assert.ok(body.items.length > 0, `results for ${q}`);
      // Up to three near words are searched: an entry may hold another one (the French "cybersécurité").
      const near = (entry: (typeof body.items)[number]) =>
        corrections.every(([from]) =>
          indexTerms(`${entry.title} ${entry.description}`).some(
            (t) => editDistance(from, t, maxEdits(from.length)) <= maxEdits(from.length),
          ),
        );
      for (const entry of body.items)
        assert.ok(matchesText(entry, fixed) || near(entry), `${entry.id} contains "${fixed}"`);
    });
  }

  test('correct words and short words are left alone', async () => {
    assert.equal((await search('telemedicine')).corrections, undefined);
    assert.equal((await search('telemed')).corrections, undefined, 'a prefix of the last word is not a typo');
    const short = await search('hlt data');
    assert.equal(short.corrections, undefined, 'words under 4 letters are never corrected');
    assert.equal(short.total, 0);
  });

  test('a word with no near neighbour stays and matches nothing', async () => {
    const body = await search('zzzzqqqq health');
    assert.equal(body.total, 0);
    assert.equal(body.corrections, undefined);
  });
});
