/**
 * Turns a write request's body into an entry, with every problem named by its field. The
 * shared `validateEntry` decides what an entry is; this adds what only writes need: no
 * fields beyond the entry's (mass assignment), the id from the URL, and server-set `updated`.
 */
import { EntrySchema, validateEntry, type Entry } from '../../src/data/entry.js';
import { COUNTRY_REGION } from '../../src/data/countries.js';
import { REGIONS } from '../../src/data/vocabulary.js';

export interface Problem {
  field: string;
  message: string;
}

export type EntryInput = { ok: true; entry: Entry } | { ok: false; problems: Problem[] };

const FIELDS: readonly string[] = Object.keys(EntrySchema.pipe[0].entries);

/** `a.b: message` → { field: 'a.b', message }; a whole-entry rule naming a field is put on that field. */
function toProblem(text: string): Problem {
  const cut = text.indexOf(': ');
  let field = cut < 0 ? 'entry' : text.slice(0, cut);
  let message = cut < 0 ? text : text.slice(cut + 2);
  const named = FIELDS.find((f) => message.startsWith(`${f} `));
  if (field === 'entry' && named) [field, message] = [named, message.slice(named.length + 1)];
  return { field, message };
}

/** ITU regions of the countries, in vocabulary order, as the importer and generator derive them. */
function regionsOf(countries: unknown): unknown {
  if (!Array.isArray(countries) || !countries.every((c) => typeof c === 'string' && Object.hasOwn(COUNTRY_REGION, c)))
    return [];
  const found = new Set(countries.map((c: string) => COUNTRY_REGION[c]));
  return REGIONS.filter((r) => found.has(r));
}

/**
 * `pathId` is the URL's id for updates; `today` is the server's UTC date.
 */
export function entryFromBody(body: unknown, today: string, pathId?: string): EntryInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, problems: [{ field: 'entry', message: 'must be a JSON object' }] };
  const input = { ...(body as Record<string, unknown>) };
  const problems: Problem[] = Object.keys(input)
    .filter((key) => !FIELDS.includes(key))
    .map((key) => ({ field: key, message: 'is not an entry field' }));
  if (pathId !== undefined) {
    if (input.id !== undefined && input.id !== pathId)
      problems.push({ field: 'id', message: 'must equal the id in the URL; an id never changes' });
    input.id = pathId;
  }
  input.updated = today;
  if (input.regions === undefined) input.regions = regionsOf(input.countries);
  const result = validateEntry(input);
  if (!result.ok) problems.push(...result.problems.map(toProblem));
  return problems.length ? { ok: false, problems } : { ok: true, entry: (result as { entry: Entry }).entry };
}
