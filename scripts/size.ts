/** Prints the gzip sizes of the shipped files and fails when a budget is exceeded. */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';

// The script a page loads first (search box, results, provider); the rest arrives in lazy files.
// 36.5, not 35: the shared normalizer (Arabic, CJK, NFKC) that highlighting needs, the link-status
// note and the editor link (+1.4 kB). The code-split build replaces this with a per-layout budget.
const budgets: [file: string, maxGzipKb: number][] = [
  ['dist/wsis-stocktaking.js', 36.5],
  ['dist/wsis-world.json', 40],
];

let failed = false;
for (const [file, max] of budgets) {
  if (!existsSync(file)) {
    console.error(`size: ${file} is missing; run npm run build first`);
    failed = true;
    continue;
  }
  const raw = readFileSync(file);
  const gz = gzipSync(raw, { level: 9 }).length / 1000;
  const br = brotliCompressSync(raw).length / 1000;
  const ok = gz <= max;
  failed ||= !ok;
  console.log(
    `size: ${file} ${(raw.length / 1000).toFixed(1)} kB raw, ${gz.toFixed(1)} kB gzip, ${br.toFixed(1)} kB brotli ` +
      `(budget ${max} kB gzip) ${ok ? 'ok' : 'OVER BUDGET'}`,
  );
}
// No budget: loaded after the first script, in parallel with the first search.
for (const file of readdirSync('dist').filter((name) => /^wsis-(extras|suggest|static-index)/.test(name))) {
  const raw = readFileSync(`dist/${file}`);
  console.log(`size: dist/${file} ${(gzipSync(raw, { level: 9 }).length / 1000).toFixed(1)} kB gzip (lazy, no budget)`);
}
process.exit(failed ? 1 : 0);
