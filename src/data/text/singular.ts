/** English plurals to their singular (disabilities → disability), through the pluralize library. */
import pluralizeModule from 'pluralize';

/**
 * pluralize is UMD: bundled for the browser it finds no `require`, so it sets `this.pluralize`
 * on the CommonJS exports instead of replacing them. Take the function wherever it is.
 */
const pluralize: typeof pluralizeModule =
  typeof pluralizeModule === 'function'
    ? pluralizeModule
    : (pluralizeModule as unknown as { pluralize: typeof pluralizeModule }).pluralize;

/** Short words and pronouns: pluralize maps "us" to "me" and "they" to "she", which no reader means. */
const KEEP = new Set(['they', 'them', 'those', 'these', 'ours', 'theirs', 'were', 'have', 'does']);

/** pluralize tries a hundred rules per word; a text's words repeat, so answers are kept (bounded). */
const known = new Map<string, string>();
const KNOWN_MAX = 50_000;

/** The singular of a folded Latin-script word of 4+ letters; anything else as it is. */
export function singular(word: string): string {
  if (word.length < 4 || KEEP.has(word) || !/^[a-z]+$/.test(word)) return word;
  let out = known.get(word);
  if (out === undefined) {
    if (known.size >= KNOWN_MAX) known.clear();
    known.set(word, (out = pluralize.singular(word)));
  }
  return out;
}
