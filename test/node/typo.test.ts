import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { editDistance, fold, maxEdits, Vocabulary } from '../../src/data/typo.js';

describe('editDistance', () => {
  test('counts insertions, deletions, substitutions and transpositions', () => {
    assert.equal(editDistance('helth', 'health', 2), 1);
    assert.equal(editDistance('health', 'helth', 2), 1);
    assert.equal(editDistance('heath', 'health', 2), 1);
    assert.equal(editDistance('hxalth', 'health', 2), 1);
    assert.equal(editDistance('wmoen', 'women', 2), 1);
    assert.equal(editDistance('natoinal', 'national', 2), 1);
    assert.equal(editDistance('abc', 'abc', 2), 0);
    assert.equal(editDistance('', 'ab', 2), 2);
    assert.equal(editDistance('kitten', 'sitting', 3), 3);
  });

  test('is the restricted distance: a transposed pair is not edited again', () => {
    // Unrestricted Damerau-Levenshtein gives 2 (ca -> ac -> abc).
    assert.equal(editDistance('ca', 'abc', 3), 3);
  });

  test('returns max + 1 once the limit is passed', () => {
    assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
    assert.equal(editDistance('abcdef', 'uvwxyz', 9), 6);
    assert.equal(editDistance('ab', 'abcdef', 2), 3, 'lengths alone rule it out');
  });

  test('long words, and short ones after them, are measured right', () => {
    const long = 'a'.repeat(100);
    assert.equal(editDistance(long, 'b' + long.slice(1, -1) + 'c', 2), 2);
    assert.equal(editDistance(long + 'x', long, 2), 1);
    assert.equal(editDistance('wmoen', 'women', 2), 1);
    assert.equal(editDistance('women', 'women', 2), 0);
  });
});

test('maxEdits allows 1 edit for 4-5 letters, 2 from 6, none below 4', () => {
  assert.deepEqual([0, 3, 4, 5, 6, 12].map(maxEdits), [0, 0, 1, 1, 2, 2]);
});

test('fold strips diacritics and leaves everything else', () => {
  assert.equal(fold('santé'), 'sante');
  assert.equal(fold('Côte d’Ivoire'), 'Cote d’Ivoire');
  assert.equal(fold('tecnologías'), 'tecnologias');
  assert.equal(fold('plain words, 42!'), 'plain words, 42!');
  assert.equal(fold('связь'), 'связь');
  assert.equal(fold('й'), 'и');
  assert.equal(fold(fold('Ångström')), 'Angstrom');
});

describe('Vocabulary.nearest', () => {
  const vocabulary = new Vocabulary([
    ['heath', 1],
    ['health', 2],
    ['wealth', 1],
    ['healthy', 2],
    ['heal7h', 50],
    ['x', 9],
    ['sante', 4],
  ]);

  test('fewest edits, then most documents, then alphabetical', () => {
    assert.deepEqual(
      vocabulary.nearest('helth').map((c) => c.term),
      ['health', 'heath'],
    );
    assert.deepEqual(
      vocabulary.nearest('hxalth').map(({ term, distance }) => [term, distance]),
      [
        ['health', 1],
        ['healthy', 2],
        ['heath', 2],
      ],
    );
    assert.deepEqual(
      vocabulary.nearest('hxalth', 2).map((c) => c.term),
      ['health', 'healthy'],
      'limit',
    );
  });

  test('reports documents and never the word itself', () => {
    assert.deepEqual(vocabulary.nearest('health'), [
      { term: 'healthy', distance: 1, docs: 2 },
      { term: 'heath', distance: 1, docs: 1 },
      { term: 'wealth', distance: 1, docs: 1 },
    ]);
  });

  test('folds the word first', () => {
    assert.deepEqual(
      vocabulary.nearest('santé').map((c) => c.term),
      [],
      'folded, it is an exact match',
    );
    assert.deepEqual(
      vocabulary.nearest('sanlé').map((c) => c.term),
      ['sante'],
    );
  });

  test('short words, words with digits and terms with digits are left out', () => {
    assert.deepEqual(vocabulary.nearest('hea'), []);
    assert.deepEqual(vocabulary.nearest('hea1th'), []);
    assert.ok(!vocabulary.nearest('healh', 9).some((c) => c.term === 'heal7h'));
    assert.deepEqual(new Vocabulary().nearest('health'), []);
  });
});
