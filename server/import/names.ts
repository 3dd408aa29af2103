/** Folds a name as people write it ("MONTENEGRO (REPUBLIC OF)", "Côte d'Ivoire", "Rep.") into a lookup key. */

// ITU abbreviates the qualifiers it appends to country names.
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  rep: 'republic',
  dem: 'democratic',
  fed: 'federal',
  st: 'saint',
  ste: 'sainte',
  is: 'islands',
  isl: 'islands',
  utd: 'united',
};

export function nameKey(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`´ʼ]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => (Object.hasOwn(ABBREVIATIONS, w) ? ABBREVIATIONS[w] : w));
  if (words[0] === 'the' && words.length > 1) words.shift();
  return words.join(' ');
}
