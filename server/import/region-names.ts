/** ITU regions by id or by name ("Asia & Pacific", "Asia and the Pacific", "Latin America and the Caribbean"). */
import { REGIONS, REGION_NAMES, type Region } from '../../src/data/vocabulary.js';
import { nameKey } from './names.js';

const EXTRA: Readonly<Record<string, Region>> = {
  'Asia Pacific': 'asia_pacific',
  'Asia and the Pacific': 'asia_pacific',
  'Asia-Pacific': 'asia_pacific',
  'Latin America and the Caribbean': 'americas',
  'Latin America': 'americas',
  Caribbean: 'americas',
  'North America': 'americas',
  'Commonwealth of Independent States': 'cis',
  'Arab Region': 'arab_states',
  'Arab States': 'arab_states',
};

const BY_NAME = new Map<string, Region>([
  ...REGIONS.map((r) => [nameKey(r), r] as const),
  ...REGIONS.map((r) => [nameKey(REGION_NAMES[r]), r] as const),
  ...Object.entries(EXTRA).map(([name, r]) => [nameKey(name), r] as const),
]);

export function regionFromName(text: string): Region | undefined {
  return BY_NAME.get(nameKey(text));
}
