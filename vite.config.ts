import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, normalizePath, type Plugin } from 'vite';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { borrowShared } from './scripts/vite-shared.js';
import { sharedKeyName } from './src/internal/shared-key.js';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

const source = (path: string) => normalizePath(fileURLToPath(new URL(path, import.meta.url)));

/**
 * Five IIFE builds into dist/: the widget (default mode); the filters, map, export and entry
 * detail (`--mode extras`, loaded by the widget right after it starts, borrowing its Lit); the
 * static-mode index worker (`--mode worker`, loaded only when `src` is used) and the search
 * suggestions' fuzzy matcher (`--mode suggest`, loaded on first use of the search box). The last
 * two keep MiniSearch and fuse.js out of the main bundle. The manage page's editor (`--mode editor`)
 * is a script of its own with its own Lit, which search pages never load.
 */
const builds = {
  main: { entry: 'src/bundle.ts', name: 'WsisStocktaking', file: 'wsis-stocktaking.js' },
  extras: { entry: 'src/extras.ts', name: 'WsisExtras', file: `wsis-extras-${version}.js` },
  worker: { entry: 'src/data/static/worker.ts', name: 'WsisStaticIndex', file: 'wsis-static-index.js' },
  suggest: { entry: 'src/components/search-box/suggest-chunk.ts', name: 'WsisSuggest', file: 'wsis-suggest.js' },
  editor: { entry: 'src/editor.ts', name: 'WsisEditor', file: 'wsis-editor.js' },
};

/**
 * An IIFE cannot split code, so a dynamic import would inline its target: the widget script gets
 * loaders that fetch dist/wsis-suggest.js (fuse.js) and the extras script (static mode) instead,
 * and the build fails if what they load slips in.
 */
function loadersFromScripts(): Plugin {
  const swaps = new Map([
    [source('src/components/search-box/load-matcher.ts'), source('src/components/search-box/load-matcher-script.ts')],
    [source('src/data/load-static-source.ts'), source('src/data/load-static-source-script.ts')],
  ]);
  const banned: [path: string, home: string][] = [
    ['/node_modules/fuse.js/', 'wsis-suggest.js'],
    ['/node_modules/minisearch/', 'wsis-static-index.js'],
    ['/src/data/static/static-source.ts', `wsis-extras-${version}.js`],
  ];
  return {
    name: 'wsis-loaders-from-scripts',
    enforce: 'pre',
    resolveId: {
      filter: { id: /load-(matcher|static-source)/ },
      async handler(id, importer, options) {
        const resolved = await this.resolve(id, importer, { ...options, skipSelf: true });
        return (resolved && swaps.get(normalizePath(resolved.id))) ?? null;
      },
    },
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const [path, home] of banned) {
          if (chunk.moduleIds.some((id) => normalizePath(id).includes(path))) {
            this.error(`${path} must stay out of ${chunk.fileName}; it belongs in ${home}`);
          }
        }
      }
    },
  };
}

/**
 * Runs first in the widget script: a second copy on the page stops before Lit starts, since under
 * Trusted Types its own `lit-html` policy could not be created.
 */
const secondCopyGuard = `{ const first = globalThis.customElements && customElements.get('wsis-stocktaking');
if (first) { console.warn(['wsis-stocktaking: version', ${JSON.stringify(version)}, 'was not started, because version',
first.wsisVersion || 'unknown', 'is already on the page. Load the widget script once.'].join(' ')); return; } }`;

/** What only the extras chunk contains; anything else it imports must come from src/internal/shared.ts. */
const EXTRAS_OWN = [
  '/src/extras.ts',
  '/src/components/entry-detail/',
  '/src/components/action-line-filter/',
  '/src/components/facet-filter/',
  '/src/components/country-map/',
  '/src/components/export/',
  '/src/components/filter-chips/',
  '/src/data/export.ts',
  '/src/data/static/',
  '/src/i18n/en-extras.ts',
  '/src/i18n/extras.ts',
];

export default defineConfig(({ mode }) => {
  const kind = mode === 'worker' || mode === 'suggest' || mode === 'extras' || mode === 'editor' ? mode : 'main';
  const build = builds[kind];
  // Lit's templates and styles ship as strings, which the JS minifier leaves alone.
  const templates = minifyHtmlLiterals() as unknown as Plugin;
  const plugins =
    kind === 'main'
      ? [loadersFromScripts(), templates]
      : kind === 'extras'
        ? [borrowShared(source('src/internal/shared.ts'), sharedKeyName(version), EXTRAS_OWN), templates]
        : kind === 'editor'
          ? [templates]
          : [];
  return {
    publicDir: false,
    define: { __WSIS_VERSION__: JSON.stringify(version) },
    plugins,
    build: {
      outDir: 'dist',
      emptyOutDir: kind === 'main',
      target: 'es2022',
      sourcemap: false,
      copyPublicDir: false,
      lib: {
        entry: build.entry,
        formats: ['iife'],
        name: build.name,
        fileName: () => build.file,
      },
      // fuse.js and MiniSearch have non-ASCII keys and strings; escapes keep the files charset-proof.
      rolldownOptions: { output: { charset: 'ascii', intro: kind === 'main' ? secondCopyGuard : undefined } },
    },
  };
});
