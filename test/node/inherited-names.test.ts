import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCountryCode, regionOf } from '../../src/data/countries.js';
import { parseSearchParams } from '../../src/data/query.js';
import { readConfig } from '../../src/components/stocktaking/config.js';
import { facetValues } from '../../src/components/facet-filter/facet-values.js';
import { countOf } from '../../src/components/facet-filter/option-row.js';
import { isValidToken } from '../../src/themes/tokens.js';
import { INHERITED_NAMES } from '../fixtures/inherited-names.js';

// Every place where a lookup table meets input must see only the table's own keys.

test('country lookups', () => {
  for (const name of INHERITED_NAMES) {
    assert.equal(isCountryCode(name), false, name);
    assert.equal(regionOf(name), undefined, name);
    assert.equal(parseSearchParams({ country: name }).ok, false, name);
    assert.equal(
      readConfig({ api: 'https://api.example/v1', scope: { 'scope-country': name } }, 'https://x.example/').ok,
      false,
      name,
    );
  }
});

test('facet counts: a selected value named like an inherited property counts as absent', () => {
  const counts = { organization: { ITU: 2 }, country: { RW: 1 } };
  for (const name of INHERITED_NAMES) {
    assert.equal(countOf(counts.organization, name), 0, name);
    const listed = facetValues('en', 'organization', counts, [name]).find((v) => v.value === name);
    assert.equal(listed?.count, undefined, name);
  }
});

test('theme token names', () => {
  for (const name of INHERITED_NAMES) assert.equal(isValidToken(name, 'red'), false, name);
});
