/**
 * Property tests for the two places where entry data meets markup: the website validator
 * (only http(s) may become a link) and the list's text splitting and highlighting.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { highlightTerms } from '../../src/components/entry-list/excerpt.js';
import { excerpt, highlight } from '../../src/components/entry-list/marks.js';
import { marked } from '../../src/components/entry-list/item.js';
import { isHttpUrl, validateEntry } from '../../src/data/entry.js';
import { makeEntry } from '../fixtures/entries.js';

const RUNS = 2000;

const acceptsWebsite = (website: string) => validateEntry({ ...makeEntry('p1'), website }).ok;

/** What a browser makes of an href written on a page: the protocol it would follow. */
function hrefProtocol(value: string): string | undefined {
  try {
    return new URL(value, 'https://host.example/page').protocol;
  } catch {
    return undefined;
  }
}

const noise = fc.constantFrom(
  '\t',
  '\n',
  '\r',
  '\u0000',
  '\u0001',
  '\u001f',
  ' ',
  '\u00a0',
  '\u200b',
  '\ufeff',
  '\u202e',
);

/** Random case, with tabs, newlines and control characters slipped in, as URL parsers forgive. */
const disguised = (word: string) =>
  fc
    .tuple(
      fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }),
      fc.array(fc.option(noise, { freq: 3 }), { minLength: word.length + 1, maxLength: word.length + 1 }),
    )
    .map(
      ([upper, gaps]) =>
        [...word].map((ch, i) => `${gaps[i] ?? ''}${upper[i] ? ch.toUpperCase() : ch}`).join('') +
        (gaps[word.length] ?? ''),
    );

/** The first letter as an HTML character reference, which a template engine might decode. */
const entity = (word: string) =>
  fc
    .constantFrom(`&#${word.charCodeAt(0)};`, `&#x${word.charCodeAt(0).toString(16)};`, `&#0000${word.charCodeAt(0)}`)
    .map((ref) => ref + word.slice(1));

const dangerousUrl = fc
  .tuple(
    fc.array(noise, { maxLength: 3 }),
    fc.constantFrom('javascript', 'data', 'vbscript').chain((w) => fc.oneof(disguised(w), entity(w))),
    fc.constantFrom(':', '&colon;', '&#58;', '%3a', ':\t', '\n:'),
    fc.constantFrom('alert(1)', 'text/html,<script>alert(1)</script>', '//%0aalert(1)', 'msgbox(1)', ''),
  )
  .map(([lead, scheme, colon, rest]) => `${lead.join('')}${scheme}${colon}${rest}`);

/** Anything URL-like: real prefixes and tricky characters, then random text. */
const urlish = fc
  .tuple(
    fc.constantFrom(
      'http://',
      'https://',
      'HTTPS://',
      'hTTp://',
      'https:',
      'https:/',
      'https:\\\\',
      '//',
      ' https://',
      '\thttps://',
      'javascript:',
      'data:',
      'vbscript:',
      'blob:https://',
      'file://',
      'ftp://',
      '',
    ),
    fc.string({
      unit: fc.oneof(fc.constantFrom(...'/:@?#%&=\\<>"\' .-_[]'), fc.string({ minLength: 1, maxLength: 1 }), noise),
      maxLength: 40,
    }),
  )
  .map(([prefix, rest]) => prefix + rest);

test('validateEntry: an accepted website is always an absolute http(s) URL', (t) => {
  let accepted = 0;
  let runs = 0;
  fc.assert(
    fc.property(fc.oneof(urlish, fc.webUrl(), fc.string()), (website) => {
      runs++;
      if (!acceptsWebsite(website)) return;
      accepted++;
      const url = new URL(website); // must not throw: absolute
      assert.match(url.protocol, /^https?:$/, website);
      assert.match(hrefProtocol(website) ?? '', /^https?:$/, `as an href: ${JSON.stringify(website)}`);
      assert.equal(isHttpUrl(website), true);
    }),
    { numRuns: RUNS },
  );
  t.diagnostic(`website: ${runs} cases, ${accepted} accepted`);
  assert.ok(runs >= 1000 && accepted > 0);
});

test('validateEntry: javascript:, data: and vbscript: in any disguise are never accepted', (t) => {
  let runs = 0;
  fc.assert(
    fc.property(dangerousUrl, (website) => {
      runs++;
      assert.equal(acceptsWebsite(website), false, JSON.stringify(website));
      assert.equal(isHttpUrl(website), false, JSON.stringify(website));
    }),
    { numRuns: RUNS },
  );
  t.diagnostic(`dangerous schemes: ${runs} cases, none accepted`);
  assert.ok(runs >= 1000);
});

test('validateEntry: every generated http(s) web URL is accepted', (t) => {
  let runs = 0;
  fc.assert(
    fc.property(
      fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true }),
      (url) => {
        runs++;
        assert.equal(acceptsWebsite(url), true, url);
      },
    ),
    { numRuns: RUNS },
  );
  t.diagnostic(`web URLs: ${runs} cases, all accepted`);
});

/** Text with markup, entities, surrogate pairs, RTL marks and nulls mixed into words. */
const hostileText = fc.string({
  unit: fc.oneof(
    { arbitrary: fc.constantFrom(...'<>&"\'/=;:() \n\t'), weight: 3 },
    { arbitrary: fc.constantFrom('script', 'img', 'onerror', 'javascript', 'mark', 'é', 'Ä', 'ﬁ', 'İ'), weight: 3 },
    { arbitrary: fc.constantFrom('\u0000', '\u202e', '\u200b', '\ud83d\ude00', 'ع', '中'), weight: 1 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }), weight: 2 },
  ),
  maxLength: 200,
});
const query = fc.oneof(hostileText, fc.string({ unit: 'grapheme', maxLength: 30 }));

/** A text and a query that is, more often than not, a piece of it, so words do get marked. */
const textAndQuery = fc
  .tuple(hostileText, query, fc.nat(), fc.nat({ max: 30 }), fc.boolean())
  .map(([text, q, at, length, inside]) => {
    const from = text.length ? at % text.length : 0;
    return [text, inside ? text.slice(from, from + length) : q] as const;
  });

test('highlight: the parts rejoin to the original text and carry no markup of their own', (t) => {
  let runs = 0;
  let marks = 0;
  fc.assert(
    fc.property(textAndQuery, ([text, q]) => {
      runs++;
      const terms = highlightTerms(q);
      const parts = highlight(text, terms);
      assert.equal(parts.map((p) => p.text).join(''), text);
      for (const p of parts) {
        assert.equal(typeof p.text, 'string');
        assert.equal(typeof p.mark, 'boolean');
        if (p.mark) marks++;
      }
      // Rendered: data only ever sits in template values (bound as text), never in template strings.
      for (const [i, node] of marked(parts).entries()) {
        if (typeof node === 'string') assert.equal(node, parts[i].text);
        else {
          assert.deepEqual([...node.strings], ['<mark>', '</mark>']);
          assert.deepEqual(node.values, [parts[i].text]);
        }
      }
    }),
    { numRuns: RUNS },
  );
  t.diagnostic(`highlight: ${runs} cases, ${marks} marked parts`);
  assert.ok(runs >= 1000 && marks > 0);
});

test('excerpt: a contiguous piece of the text, whitespace collapsed, never a broken character', (t) => {
  let runs = 0;
  fc.assert(
    fc.property(
      textAndQuery,
      fc.integer({ min: 1, max: 60 }),
      fc.integer({ min: 8, max: 400 }),
      ([text, q], words, max) => {
        runs++;
        const out = excerpt(text, highlightTerms(q), words, max);
        const flat = text.replace(/\s+/g, ' ').trim();
        const core = out.replace(/^… /, '').replace(/ …$/, '');
        assert.ok(flat.includes(core), `${JSON.stringify(core)} is not part of ${JSON.stringify(flat)}`);
        assert.doesNotMatch(core, /^[\udc00-\udfff]|[\ud800-\udbff]$/, 'a surrogate pair was cut');
      },
    ),
    { numRuns: RUNS },
  );
  t.diagnostic(`excerpt: ${runs} cases`);
  assert.ok(runs >= 1000);
});
