/**
 * The one text normalizer of every engine (server, static engine, highlighting, suggestions):
 * NFKC first (full-width and presentation forms become plain letters), then lower case, then
 * diacritics and Arabic letter variants folded. Runs in the browser, the worker and Node: no imports.
 */

/** Arabic: taa marbuta → haa, alef maqsura → yaa, alef wasla → alef, tatweel dropped. */
const ARABIC: Record<string, string> = { ة: 'ه', ى: 'ي', ٱ: 'ا', ـ: '' };
const ARABIC_VARIANTS = /[ةىٱـ]/g;
const HAS_ARABIC_VARIANT = /[ةىٱـ]/;

/**
 * Lower case without diacritics. The Arabic alef forms (أ إ آ) lose their hamza or madda with the
 * other marks, as do the short vowels; Cyrillic ё and й fold to е and и like Latin accents.
 */
export function normalize(text: string): string {
  let out = text.normalize('NFKC').toLowerCase();
  // Plain ASCII (most queries and English text) has nothing more to fold.
  if (!/[^\0-\x7f]/.test(out)) return out;
  // Every mark goes, as it always did here: Indic and Thai vowel signs too, alike in index and query.
  out = out
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
  return HAS_ARABIC_VARIANT.test(out) ? out.replace(ARABIC_VARIANTS, (c) => ARABIC[c]) : out;
}
