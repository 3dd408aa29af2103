/**
 * Prints the gzip size of every chunk of the script build and the JavaScript the default layout
 * loads before a visitor's first interaction: the stub, the module entry with its imports (the
 * `entry` elements) and the elements of the default layout (src/components/stocktaking/layout.ts)
 * that load when `ready` (src/element-list.ts). Fails above the budget.
 * Run after `npm run build`: `tsx scripts/size.ts [distDir]`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { ELEMENTS } from '../src/element-list.js';

/** kB of gzip JavaScript before the first interaction. */
export const INITIAL_BUDGET_KB = 40;
const STUB = 'wsis-stocktaking.js';
const ENTRY = 'src/bundle.ts';
const LAYOUT = 'src/components/stocktaking/layout.ts';

/** The `wsis-*` tags the default layout renders. */
export function layoutTags(source = readFileSync(LAYOUT, 'utf8')): Set<string> {
  return new Set([...source.matchAll(/<(wsis-[a-z-]+)/g)].map((m) => m[1]));
}

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}
export type ViteManifest = Record<string, ManifestChunk>;

/** The files loaded before the first interaction, by name. */
export function initialFiles(manifest: ViteManifest, layout = layoutTags()): Set<string> {
  const files = new Set<string>([STUB]);
  const add = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`size: ${key} is not in the build manifest`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const dep of chunk.imports ?? []) add(dep);
  };
  add(ENTRY);
  for (const [tag, when] of Object.entries(ELEMENTS)) {
    if (when === 'ready' && layout.has(tag)) add(`src/components/${tag.replace(/^wsis-/, '')}/define.ts`);
  }
  return files;
}

export function report(dist: string): { lines: string[]; initialKb: number; ok: boolean } {
  const manifestPath = join(dist, '.vite/manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`size: ${manifestPath} is missing; run npm run build first`);
  const initial = initialFiles(JSON.parse(readFileSync(manifestPath, 'utf8')) as ViteManifest);
  const gz = (name: string) => gzipSync(readFileSync(join(dist, name)), { level: 9 }).length / 1000;
  const files = readdirSync(dist).filter(
    (name) => /^wsis-.*\.(js|json)$/.test(name) && !/^wsis-stocktaking-\d/.test(name),
  );
  const rows = files.map((name) => ({ name, kb: gz(name), initial: initial.has(name) }));
  rows.sort((a, b) => Number(b.initial) - Number(a.initial) || b.kb - a.kb);
  const initialKb = rows.filter((r) => r.initial).reduce((sum, r) => sum + r.kb, 0);
  const ok = initialKb <= INITIAL_BUDGET_KB;
  const lines = [
    ...rows.map((r) => `${r.kb.toFixed(1).padStart(6)} kB  ${r.initial ? 'initial' : 'lazy   '}  ${r.name}`),
    `${initialKb.toFixed(1).padStart(6)} kB  before the first interaction (budget ${INITIAL_BUDGET_KB} kB gzip) ${ok ? 'ok' : 'OVER BUDGET'}`,
  ];
  return { lines, initialKb, ok };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const { lines, ok } = report(process.argv[2] ?? 'dist');
    console.log(lines.join('\n'));
    process.exit(ok ? 0 : 1);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
