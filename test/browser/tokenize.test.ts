import { expect } from '@open-wc/testing';
import { indexTerms } from '../../src/data/text/tokenize.js';
import { TOKENIZER_CASES } from '../fixtures/tokenizer-cases.js';

describe('shared tokenizer in the browser', () => {
  for (const [text, terms] of TOKENIZER_CASES) {
    it(`gives Node's terms for ${text}`, () => {
      expect(indexTerms(text)).to.deep.equal(terms);
    });
  }
});
