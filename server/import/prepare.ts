/**
 * Turns a record as written (ITU's country names and action-line headings, regions left out) into an
 * entry candidate for `validateEntry`, and says which mappings it applied.
 */
import { regionOf } from '../../src/data/countries.js';
import { REGIONS, type Region } from '../../src/data/vocabulary.js';
import { resolveActionLine } from './action-line-names.js';
import { resolveCountry } from './country-names.js';
import { regionFromName } from './region-names.js';

/** One value that was rewritten: `"Korea (Rep. of)"` → `KR`. */
export interface Mapping {
  field: 'countries' | 'actionLines' | 'regions';
  from: string;
  to: string;
}

export interface Prepared {
  value: unknown;
  problems: string[];
  mappings: Mapping[];
}

const inRegionOrder = (set: Set<Region>): Region[] => REGIONS.filter((r) => set.has(r));
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

export function prepare(input: unknown): Prepared {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { value: input, problems: [], mappings: [] };
  const record: Record<string, unknown> = { ...input };
  const problems: string[] = [];
  const mappings: Mapping[] = [];
  const named = new Set<Region>();

  if (isStringList(record.countries)) {
    const codes = new Set<string>();
    for (const from of record.countries) {
      const match = resolveCountry(from);
      if (match.kind === 'country') {
        codes.add(match.code);
        if (from !== match.code) mappings.push({ field: 'countries', from, to: match.code });
      } else if (match.kind === 'international') {
        mappings.push({ field: 'countries', from, to: 'international' });
      } else if (match.kind === 'region') {
        named.add(match.region);
        mappings.push({ field: 'countries', from, to: `region ${match.region}` });
      } else {
        const hint = match.suggestions.length
          ? `; ${match.ambiguous ? 'it could be' : 'nearest:'} ${match.suggestions.join(match.ambiguous ? ' or ' : ', ')}`
          : '';
        problems.push(`countries: "${from}" is ${match.ambiguous ? 'ambiguous' : 'not a known country'}${hint}`);
      }
    }
    record.countries = [...codes];
  }

  if (isStringList(record.actionLines)) {
    const ids = new Set<string>();
    for (const from of record.actionLines) {
      const id = resolveActionLine(from);
      if (id) {
        ids.add(id);
        if (from !== id) mappings.push({ field: 'actionLines', from, to: id });
      } else {
        problems.push(`actionLines: "${from}" is not an action line (write C1-C11, C7.e-health, or ITU's heading)`);
      }
    }
    record.actionLines = [...ids];
  }

  const derived = new Set<Region>(named);
  const countries = isStringList(record.countries) ? record.countries : [];
  for (const code of countries) derived.add(regionOf(code)!);
  const given = record.regions;
  if (given === undefined || given === null || (Array.isArray(given) && !given.length)) {
    record.regions = inRegionOrder(derived);
    if (derived.size) mappings.push({ field: 'regions', from: '', to: 'derived from the countries' });
  } else if (isStringList(given)) {
    const regions = new Set<Region>();
    for (const from of given) {
      const region = regionFromName(from);
      if (!region) problems.push(`regions: "${from}" is not an ITU region (${REGIONS.join(', ')})`);
      else {
        regions.add(region);
        if (from !== region) mappings.push({ field: 'regions', from, to: region });
      }
    }
    const disagree = countries.length > 0 && [...regions, ...derived].some((r) => !regions.has(r) || !derived.has(r));
    if (disagree) {
      const expected = countries.map((c) => `${c} → ${regionOf(c)}`).join(', ');
      problems.push(`regions: ${inRegionOrder(regions).join(', ')} do not agree with the countries (${expected})`);
    }
    record.regions = inRegionOrder(regions);
  }
  return { value: record, problems, mappings };
}
