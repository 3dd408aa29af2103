/** English plurals to their singular (disabilities → disability), through the pluralize library. */
import pluralize from 'pluralize';

/** Short words and pronouns: pluralize maps "us" to "me" and "they" to "she", which no reader means. */
const KEEP = new Set(['they', 'them', 'those', 'these', 'ours', 'theirs', 'were', 'have', 'does']);

/** The singular of a folded Latin-script word of 4+ letters; anything else as it is. */
export function singular(word: string): string {
  return word.length < 4 || KEEP.has(word) || !/^[a-z]+$/.test(word) ? word : pluralize.singular(word);
}
