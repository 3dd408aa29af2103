/**
 * The Pagefind side of the typing comparison: the same sample entries as static mode, written as one
 * HTML page per entry, indexed with the `pagefind` npm CLI the way a static site would be, and a
 * search page with the Default UI the CLI writes beside its index. Cached under data/bench/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Entry } from '../src/data/entry.js';
import { generateEntries } from '../scripts/sample/generate.js';
import { generatorVersion } from './api.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Text as HTML: the five characters that could change the markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** One entry as the page a static site would publish: Pagefind indexes its `<main>`, titled by the `<h1>`. */
export function entryPage(entry: Entry): string {
  const facts = [
    entry.organization,
    entry.countries.join(', '),
    entry.actionLines.join(', '),
    entry.sdgs.map((n) => `SDG ${n}`).join(', '),
  ].filter(Boolean);
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(entry.title)}</title></head>` +
    `<body><main data-pagefind-body><h1>${escapeHtml(entry.title)}</h1>` +
    `<p>${facts.map(escapeHtml).join(' · ')}</p>` +
    entry.description
      .split(/\n{2,}/)
      .map((p) => `<p>${escapeHtml(p)}</p>`)
      .join('') +
    `</main></body></html>\n`
  );
}

/** The search page: the Default UI as its documentation embeds it, with its default options. */
export const SEARCH_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pagefind</title>' +
  '<link href="/pagefind/pagefind-ui.css" rel="stylesheet"><script src="/pagefind/pagefind-ui.js"></script>' +
  '</head><body><div id="search"></div><script src="/pagefind-page.js"></script></body></html>\n';
const SEARCH_SCRIPT =
  "window.addEventListener('DOMContentLoaded', () => { window.__pagefind = new PagefindUI({ element: '#search' }); });\n";

/** `pagefind.html` and its script in `dir`, for a server that serves the index at /pagefind/. */
export function writeSearchPage(dir: string, name = 'pagefind.html'): void {
  writeFileSync(join(dir, name), SEARCH_PAGE);
  writeFileSync(join(dir, 'pagefind-page.js'), SEARCH_SCRIPT);
}

export const PAGEFIND_VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'node_modules', 'pagefind', 'package.json'), 'utf8')) as { version: string }
).version;

/** Version of an installed peer package, or undefined. */
export function installedVersion(pkg: string): string | undefined {
  const path = join(ROOT, 'node_modules', pkg, 'package.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version : undefined;
}

/**
 * data/bench/pagefind-<n>-<generator>-<pagefind version>/: entry pages, `search.html` and the index
 * in `pagefind/`. Built when missing (the CLI works offline) and kept; other versions are removed.
 */
export function pagefindSite(entries: number, log: (line: string) => void = console.error): string {
  const dir = join(ROOT, 'data', 'bench');
  const name = `pagefind-${entries}-${generatorVersion()}-${PAGEFIND_VERSION}`;
  const site = join(dir, name);
  if (existsSync(join(site, 'pagefind', 'pagefind-ui.js')) && existsSync(join(site, 'search.html'))) return site;
  mkdirSync(dir, { recursive: true });
  for (const old of readdirSync(dir)) {
    if (old !== name && old.startsWith(`pagefind-${entries}-`))
      rmSync(join(dir, old), { recursive: true, force: true });
  }
  const t0 = Date.now();
  log(`writing ${entries} entry pages and indexing them with pagefind ${PAGEFIND_VERSION} ...`);
  const building = `${site}.partial`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(join(building, 'entries'), { recursive: true });
  for (const entry of generateEntries(entries, 1)) {
    writeFileSync(join(building, 'entries', `${entry.id}.html`), entryPage(entry));
  }
  writeSearchPage(building, 'search.html');
  const cli = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs'), '--site', building],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (cli.status !== 0 || !existsSync(join(building, 'pagefind', 'pagefind-ui.js'))) {
    throw new Error(`pagefind --site failed (${cli.status}): ${(cli.stderr || cli.stdout).slice(-500)}`);
  }
  renameSync(building, site);
  log(`  indexed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return site;
}
