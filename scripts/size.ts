/** Prints the gzip sizes of the shipped files and fails when a budget is exceeded. */
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync } from 'node:zlib';

// The script's target is 35 kB gzip; until it is reached this guards against growth past today's size.
const budgets: [file: string, maxGzipKb: number][] = [
  ['dist/wsis-stocktaking.js', 50],
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
process.exit(failed ? 1 : 0);
