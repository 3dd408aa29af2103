import type { Entry } from '../../data/entry.js';
import { isC7 } from '../../data/vocabulary.js';
import { countryName, t, type Lang, type MessageKey } from '../../i18n/index.js';

/** Entry fields in words, shared by the list and the detail. */

export function actionLineName(lang: Lang, id: string): string {
  return t(lang, `actionLine.${id}` as MessageKey);
}

/** Chip text: `C7 · E-health` for C7 sub-lines, the bare id for the main lines (their names are long). */
export function actionLineShort(lang: Lang, id: string): string {
  return isC7(id) && id !== 'C7' ? `C7 · ${actionLineName(lang, id)}` : id;
}

/** Id and name, as the list and the detail both show it: `C7 · E-health`, `C2 · Infrastructure`. */
export function actionLineLabel(lang: Lang, id: string): string {
  return `${isC7(id) ? 'C7' : id} · ${actionLineName(lang, id)}`;
}

export function sdgName(lang: Lang, n: number): string {
  return t(lang, `sdg.${n}` as MessageKey);
}

export function listText(lang: Lang, items: string[]): string {
  try {
    return new Intl.ListFormat(lang, { type: 'conjunction' }).format(items);
  } catch {
    return items.join(', ');
  }
}

export function countriesText(lang: Lang, entry: Entry): string {
  if (!entry.countries.length) return t(lang, 'entry.international');
  return listText(
    lang,
    entry.countries.map((code) => countryName(lang, code)),
  );
}

export function yearsText(lang: Lang, entry: Entry): string {
  // Years are not grouped like numbers ("2,019").
  const start = String(entry.startYear);
  if (entry.endYear === null) return t(lang, 'entry.since', { year: start });
  return entry.endYear === entry.startYear ? start : `${start}–${entry.endYear}`;
}

export function statusText(lang: Lang, status: string): string {
  return t(lang, `status.${status}` as MessageKey);
}

/** A YYYY-MM-DD date in the visitor's language; the raw value if it cannot be read. */
export function dateText(lang: Lang, iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
