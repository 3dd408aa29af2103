/**
 * Times <wsis-country-map> in Chromium with the real geometry and country facets over 20k
 * generated entries: first render (geometry cached), cold load (fetch + parse + render) and
 * re-render after a filter change. Run: `tsx bench/map.ts`; `benchMap()` feeds a combined bench.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../scripts/chromium.js';
import type { Facets } from '../src/data/query.js';
import { INTERNATIONAL } from '../src/data/vocabulary.js';
import { buildWorld } from '../scripts/build-map.js';
import { generateEntries } from '../scripts/sample/generate.js';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface Figures {
  median: number;
  p95: number;
}
export interface Timing {
  work: Figures;
  paint: Figures;
}
export interface MapBenchResult {
  entries: number;
  rounds: number;
  countries: number;
  assetGzipBytes: number;
  /**
   * `work`: the element's updates plus the layout they force (script cost);
   * `paint`: wall time to the next painted frame, frame waits included.
   */
  /** Element attached, geometry already loaded (first map on a page after the fetch). */
  firstRender: Timing;
  /** Element attached, geometry fetched, parsed and validated each round. */
  coldLoad: Timing;
  /** Country filter toggled → new colours and selection (the fake source answers at once). */
  rerender: Timing;
}

type Series = { work: number[]; paint: number[] };
type RawResult = { first: Series; cold: Series; rerender: Series; countries: number };

const timing = (s: Series): Timing => ({ work: figures(s.work), paint: figures(s.paint) });

function figures(samples: number[]): Figures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const round = (n: number) => Math.round(n * 100) / 100;
  return { median: round(at(0.5)), p95: round(at(0.95)) };
}

/** Country and region facets as the search would return them, optionally filtered to one country. */
function facetsOf(entries: ReturnType<typeof generateEntries>, country?: string): Facets {
  const countries: Record<string, number> = {};
  const regions: Record<string, number> = {};
  for (const e of entries) {
    const codes = e.countries.length ? e.countries : [INTERNATIONAL];
    if (country && !codes.includes(country)) continue;
    for (const c of codes) countries[c] = (countries[c] ?? 0) + 1;
    for (const r of e.regions) regions[r] = (regions[r] ?? 0) + 1;
  }
  return { country: countries, region: regions };
}

// Runs in the page: a store over a fake source that answers from precomputed facets.
const PAGE = `
import '${join(root, 'src/components/country-map/define.ts')}';
import { SearchStore } from '${join(root, 'src/state/search-store.ts')}';
import { storeContext } from '${join(root, 'src/state/context.ts')}';
import { ContextProvider } from '@lit/context';

const paint = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

// Time spent in the element's own updates plus the layout they cause, without frame waits.
let work = 0;
const proto = customElements.get('wsis-country-map').prototype;
const update = proto.update;
proto.update = function (changed) {
  const t0 = performance.now();
  update.call(this, changed);
  void document.body.offsetHeight;
  work += performance.now() - t0;
};

window.bench = {
  async run({ facets, toggles, rounds }) {
    const source = {
      search: (params) => {
        const key = (params.filters.country ?? [])[0] ?? '';
        const f = facets[key] ?? facets[''];
        return Promise.resolve({ total: 1, page: 1, pageSize: 20, items: [], facets: f, dropped: 0 });
      },
      getEntry: () => Promise.reject(new Error('none')),
    };
    const store = new SearchStore(source, { debounceMs: 0 });
    await store.search();
    const host = document.createElement('div');
    document.body.append(host);
    new ContextProvider(host, { context: storeContext, initialValue: store });

    const mount = async (url) => {
      const el = document.createElement('wsis-country-map');
      el.geometryUrl = url;
      work = 0;
      const t0 = performance.now();
      host.append(el);
      while (!el.shadowRoot?.querySelector('path.k')) await new Promise((r) => setTimeout(r, 0));
      await el.updateComplete;
      const busy = work;
      await paint();
      return [el, busy, performance.now() - t0];
    };
    const series = () => ({ work: [], paint: [] });
    const result = { first: series(), cold: series(), rerender: series() };

    // Warm up: loads the geometry once and lets the JIT settle.
    const [warm] = await mount('wsis-world.json');
    warm.remove();

    for (let i = 0; i < rounds; i++) {
      const [el, busy, total] = await mount('wsis-world.json');
      result.first.work.push(busy);
      result.first.paint.push(total);
      el.remove();
    }
    for (let i = 0; i < rounds; i++) {
      const [el, busy, total] = await mount('wsis-world.json?round=' + i);
      result.cold.work.push(busy);
      result.cold.paint.push(total);
      el.remove();
    }

    const [el] = await mount('wsis-world.json');
    for (let i = 0; i < rounds * 2; i++) {
      const code = toggles[Math.floor(i / 2) % toggles.length];
      work = 0;
      const t0 = performance.now();
      store.toggleFilter('country', code);
      while (store.state.status !== 'ready') await new Promise((r) => setTimeout(r, 0));
      await el.updateComplete;
      result.rerender.work.push(work);
      await paint();
      result.rerender.paint.push(performance.now() - t0);
    }
    return { ...result, countries: el.shadowRoot.querySelectorAll('path.k, circle.dot').length };
  },
};
`;

export async function benchMap({
  entries = 20000,
  rounds = 15,
  distDir = join(root, 'dist'),
  browser: shared,
}: {
  entries?: number;
  rounds?: number;
  /** Where the build's wsis-world-<hash>.json is (wsis-world.json is built there when missing). */
  distDir?: string;
  /** A running Chromium to use (the bench has its own context); one is launched when absent. */
  browser?: Browser;
} = {}): Promise<MapBenchResult> {
  // The build's content-hashed geometry; without a build, the same data as scripts/build-map.ts makes.
  const built = existsSync(distDir) ? readdirSync(distDir).find((f) => /^wsis-world-[\w-]+\.json$/.test(f)) : undefined;
  const ASSET = built ? join(distDir, built) : join(distDir, 'wsis-world.json');
  if (!existsSync(ASSET)) {
    mkdirSync(distDir, { recursive: true });
    writeFileSync(ASSET, JSON.stringify(buildWorld()));
  }
  const data = generateEntries(entries, 1);
  const all = facetsOf(data);
  const toggles = Object.entries(all.country!)
    .filter(([code]) => code !== INTERNATIONAL)
    .sort((a, b) => b[1] - a[1])
    .slice(0, rounds)
    .map(([code]) => code);
  const facets: Record<string, Facets> = { '': all };
  for (const code of toggles) facets[code] = facetsOf(data, code);

  const dir = mkdtempSync(join(tmpdir(), 'wsis-map-bench-'));
  let server: Server | undefined;
  const browser = shared ?? (await launchChromium());
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await build({
      stdin: { contents: PAGE, resolveDir: root, loader: 'ts', sourcefile: 'bench-map-page.ts' },
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2021',
      tsconfig: join(root, 'tsconfig.json'),
      define: { __WSIS_VERSION__: '"bench"' },
      outfile: join(dir, 'bench.js'),
      // package.json's sideEffects list names dist/ files only; src/ imports must still run here.
      ignoreAnnotations: true,
      logLevel: 'warning',
    });
    copyFileSync(ASSET, join(dir, 'wsis-world.json'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><script src="bench.js"></script>');

    const types: Record<string, string> = { html: 'text/html', js: 'text/javascript', json: 'application/json' };
    server = createServer((req, res) => {
      const name = new URL(req.url ?? '/', 'http://x').pathname.slice(1) || 'index.html';
      if (!/^[\w.-]+$/.test(name) || !existsSync(join(dir, name))) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, {
        'content-type': types[name.split('.').pop()!] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(readFileSync(join(dir, name)));
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;

    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(e));
    await page.goto(`http://127.0.0.1:${port}/`);
    const raw = await page.evaluate(
      (args) => (window as unknown as { bench: { run(a: unknown): Promise<RawResult> } }).bench.run(args),
      { facets, toggles, rounds },
    );
    return {
      entries,
      rounds,
      countries: raw.countries,
      assetGzipBytes: gzipSync(readFileSync(ASSET), { level: 9 }).length,
      firstRender: timing(raw.first),
      coldLoad: timing(raw.cold),
      rerender: timing(raw.rerender),
    };
  } finally {
    await context.close();
    if (!shared) await browser.close();
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await benchMap();
  const row = (name: string, t: Timing) =>
    `${name.padEnd(13)} work median ${t.work.median} ms, p95 ${t.work.p95} ms; ` +
    `to paint median ${t.paint.median} ms, p95 ${t.paint.p95} ms`;
  console.log(`country map: ${result.entries} entries, ${result.countries} shapes, ${result.rounds} rounds`);
  console.log(row('first render', result.firstRender));
  console.log(row('cold load', result.coldLoad));
  console.log(row('re-render', result.rerender));
}
