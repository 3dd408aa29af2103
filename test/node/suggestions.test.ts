/** Suggestions read the query with the search's normalizer, in every language. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import '../../src/i18n/all.js';
import * as fuzzy from '../../src/components/search-box/fuzzy.js';
import { SuggestionIndex } from '../../src/components/search-box/suggestions.js';

const suggest = (text: string, lang: 'ar' | 'zh' | 'fr') => {
  const index = new SuggestionIndex();
  index.factory = fuzzy;
  return index.search(text, lang, {}, []).map((s) => `${s.key}=${s.value}`);
};

test('one Chinese character is enough to suggest', () => {
  assert.ok(suggest('农', 'zh').includes('actionLine=C7.e-agriculture'), suggest('农', 'zh').join());
});

test('Arabic suggestions fold the letter forms like the search', () => {
  // الزراعه with haa for taa marbuta, and tatweel: the action line's name is الزراعة الإلكترونية.
  for (const q of ['الزراعه الالكترونيه', 'الزراعـة']) {
    assert.ok(suggest(q, 'ar').includes('actionLine=C7.e-agriculture'), `${q}: ${suggest(q, 'ar').join()}`);
  }
});
