/**
 * Transfer sizes (gzip level 9, brotli quality 11) of what a page downloads: our script, its lazy
 * assets and the npm ES build, beside peer search UIs measured the same way in the same run, and
 * where the script's bytes go (esbuild metafile of src/bundle.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, transform } from 'esbuild';
import { initialFiles, layoutTags, type ViteManifest } from '../scripts/size.js';
import { kb, ratio, table } from './table.js';

const LAYOUT = 'src/components/stocktaking/layout.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NM = join(ROOT, 'node_modules');

export interface Measured {
  raw: number;
  gzip: number;
  brotli: number;
}

export interface SizeRow extends Measured {
  name: string;
  /** Which of ours this counts as, for the ratio column. */
  group: 'ours' | 'peer';
  note?: string;
}

export interface CompositionRow {
  module: string;
  bytes: number;
  share: number;
}

export interface SizesResult {
  rows: SizeRow[];
  /** The classic stub a page embeds. */
  script: Measured;
  /** Everything loaded before the first interaction (the stub and the initial chunks), separate downloads added. */
  initial: Measured;
  /** Pagefind Component UI JS+CSS, minified: the size goal's comparison. */
  pagefindComponent?: Measured;
  composition: CompositionRow[];
  compositionTotal: number;
  compositionSource: string;
}

export function measure(bytes: Uint8Array | string): Measured {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes);
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}

/** Separate files are separate downloads: compressed one by one, then added. */
const sum = (...parts: Measured[]): Measured => ({
  raw: parts.reduce((n, p) => n + p.raw, 0),
  gzip: parts.reduce((n, p) => n + p.gzip, 0),
  brotli: parts.reduce((n, p) => n + p.brotli, 0),
});

async function bundleEsm(entry: string, external: boolean): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2021',
    write: false,
    // The copy of dist/ lives outside the repository; bare imports still resolve from here.
    nodePaths: [NM],
    packages: external ? 'external' : undefined,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** A peer's shipped file minified as our build is, so whitespace and comments do not count against it. */
async function minified(path: string, loader: 'js' | 'css'): Promise<string> {
  return (await transform(readFileSync(path, 'utf8'), { loader, minify: true, target: 'es2021' })).code;
}

/** Package, component directory or language file a module counts under. */
function groupOf(path: string): string {
  const rel = relative(ROOT, path.replace(/^\0/, '').split('?')[0]).replaceAll('\\', '/');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(rel);
  if (pkg) return pkg[1];
  if (rel.startsWith('src/components/')) return rel.split('/').slice(0, 3).join('/');
  if (rel.startsWith('src/i18n/')) return rel;
  return rel
    .split('/')
    .slice(0, rel.startsWith('src/data/static/') ? 3 : 2)
    .join('/');
}

function grouped(modules: [path: string, bytes: number][], total: number): CompositionRow[] {
  const groups = new Map<string, number>();
  for (const [path, bytes] of modules) groups.set(groupOf(path), (groups.get(groupOf(path)) ?? 0) + bytes);
  return [...groups]
    .map(([module, bytes]) => ({ module, bytes, share: bytes / total }))
    .sort((a, b) => b.bytes - a.bytes);
}

/**
 * Where the initial JavaScript's bytes go. From the real build (vite.config.ts, not written): each module's
 * share of the code before minification, scaled to the minified chunk, over the chunks loaded before the
 * first interaction (`initial`, by file name; the module entry alone when the names differ). Falls back to
 * an esbuild metafile of src/bundle.ts (exact minified bytes, but without the config's plugins).
 */
async function composition(initial: Set<string>): Promise<{ rows: CompositionRow[]; total: number; how: string }> {
  try {
    const { build: viteBuild } = await import('vite');
    const out = await viteBuild({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'silent',
      build: { write: false },
    });
    const chunks = (Array.isArray(out) ? out : [out])
      .flatMap((o) => ('output' in o ? o.output : []))
      .filter((c) => c.type === 'chunk');
    let picked = chunks.filter((c) => initial.has(c.fileName) && c.fileName !== 'wsis-stocktaking.js');
    if (!picked.length) picked = chunks.filter((c) => c.facadeModuleId?.endsWith('src/bundle.ts'));
    if (!picked.length) throw new Error('no initial chunk');
    const scaled: [string, number][] = [];
    let total = 0;
    for (const chunk of picked) {
      const rendered = Object.entries(chunk.modules).map(([id, m]) => [id, m.renderedLength] as [string, number]);
      const sum = rendered.reduce((n, [, b]) => n + b, 0);
      const bytes = Buffer.byteLength(chunk.code);
      total += bytes;
      for (const [id, b] of rendered) scaled.push([id, sum ? (b / sum) * bytes : 0]);
    }
    return {
      rows: grouped(scaled, total),
      total,
      how: `vite build of vite.config.ts, ${picked.length} initial chunks, shares before minification`,
    };
  } catch {
    const result = await build({
      entryPoints: [join(ROOT, 'src/bundle.ts')],
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2021',
      write: false,
      outfile: 'out.js',
      metafile: true,
      tsconfig: join(ROOT, 'tsconfig.json'),
      define: { __WSIS_VERSION__: '"bench"' },
      logLevel: 'silent',
    });
    const output = Object.values(result.metafile.outputs)[0];
    const modules = Object.entries(output.inputs).map(
      ([path, m]) => [join(ROOT, path), m.bytesInOutput] as [string, number],
    );
    return { rows: grouped(modules, output.bytes), total: output.bytes, how: 'esbuild metafile of src/bundle.ts' };
  }
}

/** What loads a dist/ file, for the note column. Other names get a generic note. */
const KNOWN: Record<string, string> = {
  'integrity.json': 'SRI hashes, not loaded by pages',
};

/** What a chunk of the build is for, from its name (Vite names chunks `wsis-<name>-<hash>.js`). */
function purpose(name: string): string | undefined {
  const base = /^wsis-(.+?)-[\w-]{8}\.(?:js|json)$/.exec(name)?.[1];
  if (!base) return undefined;
  if (['ar', 'es', 'fr', 'ru', 'zh'].includes(base)) return 'one language, when lang= asks for it';
  if (base === 'world') return 'map geometry';
  if (base === 'static-worker') return 'static mode (src=) only, in a worker';
  if (base === 'fuzzy') return 'search box suggestions, first use';
  return undefined;
}

/**
 * Every dist/*.js and dist/*.json beside the stub, sorted by name. `initial` files load before the first
 * interaction (scripts/size.ts, from dist/.vite/manifest.json); a file is `counted` as a lazy download
 * when the stub names it, or a file it names does; files identical to the stub are versioned copies of it.
 */
export function distFiles(distDir: string): { name: string; note: string; counted: boolean; initial: boolean }[] {
  const MAIN = 'wsis-stocktaking.js';
  const names = readdirSync(distDir)
    .filter((f) => /\.(js|json)$/.test(f) && f !== MAIN)
    .sort();
  const text = (f: string) => readFileSync(join(distDir, f), 'latin1');
  const main = readFileSync(join(distDir, MAIN));
  const manifest = join(distDir, '.vite', 'manifest.json');
  const initial = existsSync(manifest)
    ? initialFiles(
        JSON.parse(readFileSync(manifest, 'utf8')) as ViteManifest,
        layoutTags(readFileSync(join(ROOT, LAYOUT), 'utf8')),
      )
    : new Set<string>();
  const reached = new Set<string>();
  const queue = [MAIN];
  for (let from = queue.shift(); from; from = queue.shift()) {
    const source = text(from);
    for (const f of names.filter((n) => !reached.has(n) && source.includes(n))) {
      reached.add(f);
      if (f.endsWith('.js')) queue.push(f);
    }
  }
  return names.map((name) => {
    if (readFileSync(join(distDir, name)).equals(main))
      return { name, note: `same bytes as ${MAIN} (versioned URL), not added`, counted: false, initial: false };
    const known = KNOWN[name] ?? purpose(name);
    if (initial.has(name)) return { name, note: known ?? 'before the first interaction', counted: true, initial: true };
    if (known) return { name, note: known, counted: reached.has(name), initial: false };
    if (reached.has(name))
      return { name, note: 'named by the script, loaded when needed', counted: true, initial: false };
    return { name, note: 'not named by the script', counted: false, initial: false };
  });
}

function file(path: string): Measured | undefined {
  return existsSync(path) ? measure(readFileSync(path)) : undefined;
}

export async function benchSizes({ distDir = join(ROOT, 'dist') } = {}): Promise<SizesResult> {
  const rows: SizeRow[] = [];
  const add = (name: string, group: SizeRow['group'], m: Measured | undefined, note?: string) => {
    if (m) rows.push({ name, group, ...m, note });
  };
  const script = file(join(distDir, 'wsis-stocktaking.js'));
  if (!script) throw new Error(`${join(distDir, 'wsis-stocktaking.js')} is missing`);
  add('ours: wsis-stocktaking.js (stub)', 'ours', script);
  // Every other dist/*.js and dist/*.json, whatever the build splits off.
  const files = distFiles(distDir);
  const initialParts: Measured[] = [script];
  for (const { name, note, counted, initial } of files) {
    const m = file(join(distDir, name))!;
    if (initial) initialParts.push(m);
    add(counted ? `ours: ${name} (${initial ? 'initial' : 'lazy'})` : `  ${name}`, 'ours', m, note);
  }
  const initial = sum(...initialParts);
  add('ours: before the first interaction (stub + initial)', 'ours', initial, `${initialParts.length} files`);
  const esm = join(distDir, 'esm', 'index.js');
  if (existsSync(esm)) {
    add('ours: npm ESM, own code (deps external)', 'ours', measure(await bundleEsm(esm, true)), 'esbuild min');
    add('ours: npm ESM, all bundled', 'ours', measure(await bundleEsm(esm, false)), 'esbuild min');
  }

  const pf = join(NM, '@pagefind/component-ui');
  const pfJs = join(pf, 'npm_dist/mjs/component-ui.mjs');
  const pfCss = join(pf, 'css/pagefind-component-ui.css');
  let pagefindComponent: Measured | undefined;
  if (existsSync(pfJs) && existsSync(pfCss)) {
    const js = measure(await minified(pfJs, 'js'));
    const css = measure(await minified(pfCss, 'css'));
    pagefindComponent = sum(js, css);
    add('Pagefind Component UI JS+CSS', 'peer', pagefindComponent, 'esbuild min');
    add('  as shipped (npm_dist, unminified)', 'peer', sum(file(pfJs)!, file(pfCss)!));
  }
  const du = join(NM, '@pagefind/default-ui');
  const duJs = join(du, 'npm_dist/mjs/ui-core.mjs');
  const duCss = join(du, 'css/ui.css');
  if (existsSync(duJs) && existsSync(duCss)) {
    add(
      'Pagefind Default UI JS+CSS',
      'peer',
      sum(measure(await minified(duJs, 'js')), measure(await minified(duCss, 'css'))),
      'esbuild min',
    );
    add('  as shipped (npm_dist, unminified)', 'peer', sum(file(duJs)!, file(duCss)!));
  }
  add(
    'instantsearch.js production.min.js',
    'peer',
    file(join(NM, 'instantsearch.js/dist/instantsearch.production.min.js')),
    'JS only, no theme',
  );
  add(
    '@algolia/autocomplete-js UMD production',
    'peer',
    file(join(NM, '@algolia/autocomplete-js/dist/umd/index.production.js')),
    'JS only, no theme',
  );

  const { rows: comp, total, how } = await composition(new Set(files.filter((f) => f.initial).map((f) => f.name)));
  return {
    rows,
    script,
    initial,
    pagefindComponent,
    composition: comp,
    compositionTotal: total,
    compositionSource: how,
  };
}

export function formatSizes(r: SizesResult): string[] {
  const lines = table(
    ['file', 'raw kB', 'gzip kB', 'brotli kB', 'gzip vs our initial', 'note'],
    r.rows.map((row) => [
      row.name,
      kb(row.raw),
      kb(row.gzip),
      kb(row.brotli),
      ratio(row.gzip, r.initial.gzip),
      row.note ?? '',
    ]),
  );
  const top = r.composition.slice(0, 12);
  const rest = r.composition.slice(12).reduce((n, c) => n + c.bytes, 0);
  lines.push(
    '',
    `Where the initial JavaScript's bytes go (${r.compositionSource}; ${kb(r.compositionTotal)} kB minified):`,
    ...table(
      ['module', 'kB', 'share'],
      [
        ...top.map((c) => [c.module, kb(c.bytes), `${(c.share * 100).toFixed(1)}%`]),
        [`${r.composition.length - top.length} more`, kb(rest), `${((rest / r.compositionTotal) * 100).toFixed(1)}%`],
      ],
    ).map((l) => '  ' + l),
  );
  return lines;
}
