/**
 * Times the static engine alone, per keystroke: words typed letter by letter against
 * generated entries, every answer with all facets, as the widget asks. Finds where a key's
 * time goes (profile with `node --cpu-prof --import tsx scripts/engine-keys.ts`); the
 * browser figures belong to `npm run bench`.
 *
 *   npx tsx scripts/engine-keys.ts [--size 5000] [--no-facets] [--rounds 1] [--answers FILE]
 *
 * `--answers FILE` writes every answer's total, ids, facets and corrections, to check that
 * a change to the engine leaves its answers unchanged (compare two files with `cmp`).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { FACET_NAMES, type SearchParams } from '../src/data/query.js';
import { StaticEngine } from '../src/data/static/engine.js';
import { generateEntries } from './sample/generate.js';

/** Real words and phrases, with two typos, typed one key at a time. */
const TYPED = [
  'telemedicine',
  'helth',
  'school connectivity',
  'digital health records',
  'telemedicne',
  'women in ict',
  'rural broadband',
  'agricultre',
  'cybersecurity',
  'open data',
];

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: '5000' },
    'no-facets': { type: 'boolean', default: false },
    rounds: { type: 'string', default: '1' },
    answers: { type: 'string' },
  },
});

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

// Built in 25 ms slices as on the main thread, timing the longest task between pauses.
const entries = generateEntries(Number(args.size), 1);
const started = performance.now();
let sliceStart = started;
let longest = 0;
const engine = await StaticEngine.build(entries, {
  sliceMs: 25,
  pause: async () => {
    longest = Math.max(longest, performance.now() - sliceStart);
    await new Promise((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  },
});
longest = Math.max(longest, performance.now() - sliceStart);
console.log(
  `${engine.entries.length} entries indexed in ${(performance.now() - started).toFixed(0)} ms, ` +
    `longest task ${longest.toFixed(0)} ms`,
);

const queries = TYPED.flatMap((word) => [...word].map((_, i) => word.slice(0, i + 1)));
const facets = args['no-facets'] ? [] : [...FACET_NAMES];
const times = new Map<string, number[]>();
/** CPU time per search: on a loaded machine, wall time mostly measures waiting for a core. */
const cpu: number[] = [];
const firstCpu = new Map<string, number>();
const cpuOf = new Map<string, number>();
const answers: unknown[] = [];
for (let round = 0; round < Number(args.rounds); round++) {
  for (const q of queries) {
    const params: SearchParams = { q, filters: {}, page: 1, pageSize: 20, facets };
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const res = engine.search(params);
    const ms = performance.now() - t0;
    const used = process.cpuUsage(cpu0);
    times.set(q, [...(times.get(q) ?? []), ms]);
    cpu.push((used.user + used.system) / 1000);
    cpuOf.set(q, Math.max(cpuOf.get(q) ?? 0, cpu[cpu.length - 1]));
    if (round === 0) firstCpu.set(q, cpu[cpu.length - 1]);
    if (round === 0 && args.answers)
      answers.push({
        q,
        total: res.total,
        ids: res.items.map((e) => e.id),
        facets: res.facets,
        corrections: res.corrections,
      });
  }
}

const all = [...times.values()].flat().sort((a, b) => a - b);
const rows = [...times].map(([q, ms]) => [q, Math.max(...ms)] as const);
console.log('slowest keys (ms, worst of the rounds):');
for (const [q, ms] of [...rows].sort((a, b) => b[1] - a[1]).slice(0, 12))
  console.log(`  ${ms.toFixed(1).padStart(7)}  ${q}`);
console.log('short prefixes (ms: first time, best of the rounds, CPU the first time):');
for (const q of ['t', 'te', 'tel', 'tele', 'h', 'he', 'd', 'di', 'w', 'wo', 'c', 'cy']) {
  const ms = times.get(q) ?? [NaN];
  const cells = [ms[0], Math.min(...ms), firstCpu.get(q) ?? NaN].map((n) => n.toFixed(1).padStart(7));
  console.log(`  ${cells.join(' ')}  ${q}`);
}
console.log(
  `${all.length} searches${facets.length ? ', all facets' : ''}: p50 ${quantile(all, 0.5).toFixed(1)} ms, ` +
    `p95 ${quantile(all, 0.95).toFixed(1)} ms, max ${all[all.length - 1].toFixed(1)} ms`,
);
cpu.sort((a, b) => a - b);
const costly = [...cpuOf].sort((a, b) => b[1] - a[1]).slice(0, 6);
console.log(`most CPU: ${costly.map(([q, ms]) => `"${q}" ${ms.toFixed(1)}`).join(', ')}`);
console.log(
  `CPU time per search: p50 ${quantile(cpu, 0.5).toFixed(1)} ms, p95 ${quantile(cpu, 0.95).toFixed(1)} ms, ` +
    `max ${cpu[cpu.length - 1].toFixed(1)} ms`,
);
if (args.answers) writeFileSync(args.answers, answers.map((a) => JSON.stringify(a)).join('\n') + '\n');
