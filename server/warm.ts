/**
 * Work done once before the server listens, so that no visitor's search pays for what happens
 * only the first time: compiling the search code, loading ICU's word-break dictionary (a first
 * Chinese query cost about 55 ms), the first vocabulary scan for a typo, and compiling the
 * incremental build that follows each write (the first one took 100–160 ms of one turn).
 */
import { FACET_NAMES } from '../src/data/query.js';
import { parseSearchParams } from '../src/data/evaluate.js';
import type { SearchEngine } from './engine.js';

const FACETS = `facets=${FACET_NAMES.join(',')}`;
const SEARCHES = [
  `q=health+services&${FACETS}`,
  'q=digital+skills&region=africa&page=2',
  'q=helth+programe',
  'q=远程医疗服务',
  'q=الصحة+الرقمية',
  'q=ภาษาไทย',
  'q=data&sort=title&sdg=3&yearFrom=2010',
  FACETS,
].map((qs) => {
  const parsed = parseSearchParams(new URLSearchParams(qs));
  if (!parsed.ok) throw new Error(`warm-up search ${qs}: ${parsed.error.message}`);
  return parsed.params;
});

/**
 * A few rounds of searches (V8 compiles a function fully only after it has run a little), and
 * `rebuild`, an incremental build of the same data that is thrown away.
 */
export function warmUp(engine: SearchEngine, rebuild: () => SearchEngine, rounds = 3): void {
  for (let i = 0; i < rounds; i++) for (const params of SEARCHES) engine.search(params);
  rebuild().search(SEARCHES[0]);
}
