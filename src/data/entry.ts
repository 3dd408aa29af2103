import * as v from 'valibot';
import { ACTION_LINES, ENTITY_TYPES, PRIZE_STATUSES, REGIONS, SDGS, STATUSES } from './vocabulary.js';
import { isCountryCode } from './countries.js';

/** Only absolute http(s) URLs may become links; anything else is rejected at the door. */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const text = (max: number) =>
  v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));
const year = v.pipe(
  v.number(),
  v.integer('must be a whole year'),
  v.minValue(1990, 'must be 1990 or later'),
  v.maxValue(2100, 'must be 2100 or earlier'),
);

export const EntrySchema = v.pipe(
  v.object({
    id: v.pipe(
      v.string('must be a string'),
      v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, "_" or "-"'),
    ),
    title: text(300),
    description: v.pipe(v.string(), v.maxLength(10000, 'must be at most 10000 characters')),
    organization: text(200),
    entityType: v.picklist(ENTITY_TYPES, `must be one of ${ENTITY_TYPES.join(', ')}`),
    countries: v.array(v.pipe(v.string(), v.check(isCountryCode, 'must be an ISO 3166-1 alpha-2 code'))),
    regions: v.array(v.picklist(REGIONS, `must be one of ${REGIONS.join(', ')}`)),
    actionLines: v.pipe(
      v.array(v.picklist(ACTION_LINES, `must be one of C1-C11 or a C7 sub-line (C7.e-health, ...)`)),
      v.minLength(1, 'must list at least one action line'),
    ),
    sdgs: v.array(v.picklist(SDGS, 'must be SDG numbers 1-17')),
    status: v.picklist(STATUSES, `must be one of ${STATUSES.join(', ')}`),
    startYear: year,
    endYear: v.nullable(year),
    website: v.optional(
      v.pipe(
        v.string(),
        v.maxLength(2048, 'must be at most 2048 characters'),
        v.check(isHttpUrl, 'must be an absolute http: or https: URL'),
      ),
    ),
    updated: v.pipe(v.string(), v.isoDate('must be a date YYYY-MM-DD')),
    prize: v.optional(
      v.object({
        year,
        status: v.picklist(PRIZE_STATUSES, `must be one of ${PRIZE_STATUSES.join(', ')}`),
      }),
    ),
  }),
  v.check((e) => e.endYear === null || e.endYear >= e.startYear, 'endYear must not be before startYear'),
);

export type Entry = v.InferOutput<typeof EntrySchema>;

export type ValidationResult = { ok: true; entry: Entry } | { ok: false; problems: string[] };

/** Turns an unknown value into a typed entry, or a list of problems each naming its field. */
export function validateEntry(input: unknown): ValidationResult {
  const result = v.safeParse(EntrySchema, input);
  if (result.success) return { ok: true, entry: result.output };
  return {
    ok: false,
    problems: result.issues.map((issue) => `${v.getDotPath(issue) ?? 'entry'}: ${describe(issue)}`),
  };
}

/** Valibot's default texts are terse; say what was expected in plain words. */
function describe(issue: v.BaseIssue<unknown>): string {
  if (!issue.message.startsWith('Invalid')) return issue.message;
  if (issue.input === undefined) return 'is required';
  const names: Record<string, string> = {
    Object: 'an object',
    Array: 'a list',
    string: 'a string',
    number: 'a number',
    null: 'null',
  };
  const expected = names[issue.expected ?? ''] ?? issue.expected;
  return `must be ${expected}, not ${issue.received}`;
}
