import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, normalizePath, type Plugin } from 'vite';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { classicStub, plainDynamicImports, tolerantLitVersions } from './scripts/vite-plugins.js';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

const source = (path: string) => normalizePath(fileURLToPath(new URL(path, import.meta.url)));

/**
 * `src/components/country-map/define.ts` → `country-map`: an element's chunk is named after its
 * folder; `src/data/export.ts` → `data-export`, the data layer's after their file.
 */
function chunkName(id: string | null, fallback: string): string {
  if (!id) return fallback;
  const file = basename(id).replace(/\.[^.]+$/, '');
  if (file === 'define') return basename(dirname(id));
  return /[\\/]src[\\/]data[\\/]/.test(id) ? `data-${file}` : file;
}

const SHARED = new RegExp(
  [
    // Lit, but not its decorators: the first script's elements declare static properties, and only
    // lazily loaded parts (map, detail, editor) use decorators.
    'node_modules/(lit|lit-html|lit-element|@lit/reactive-element|@lit/context)/(?!decorators)',
    // The loaders first: they must be registered before the elements below render (src/bundle.ts).
    'src/(elements|element-list)\\.ts',
    'vite/preload-helper',
    'src/internal/',
    'src/themes/((base|presets)\\.styles|theme-controller)\\.ts',
    'src/i18n/(index|format|en-core|en-filters|localize)\\.ts',
    'src/data/(vocabulary|countries|source|query|entry|api-source|fetch-json|create-source|deferred-source|lru|load-static-source)\\.ts',
    'src/state/search-store\\.ts',
    'src/data/text/(normalize|words)\\.ts',
    'src/components/(stocktaking|search-box|entry-list)/(?!fuzzy|url-sync-start|marks)',
    'node_modules/valibot/',
    'src/state/(context|store-controller)\\.ts',
    'src/components/shared/(?!option-row)',
  ]
    .map((path) => path.replaceAll('/', '[\\\\/]'))
    .join('|'),
);

/**
 * The elements the default layout shows beside the results, in one chunk that compresses better
 * than four; each still registers from a chunk of its own, so a layout without them never loads it.
 * The export's run (with @lit/task) loads on first use, so it stays out.
 */
const FILTERS =
  /[\\/]src[\\/]components[\\/]((facet-filter|action-line-filter|filter-chips|export)[\\/](?!define|export-run)|shared[\\/]option-row)|[\\/]src[\\/]i18n[\\/]en-export\./;

/**
 * One ES-module build into dist/: the module entry (src/bundle.ts), chunks split at each dynamic
 * `import()` (filters, map, export, detail, suggestions, static engine, languages) and assets found
 * through `new URL(…, import.meta.url)` (map geometry). Every name but the classic stub's carries a
 * content hash, so files of two versions can never be mixed: the entry imports its chunks by
 * relative URL, and a changed chunk is a new file.
 */
export default defineConfig({
  // Relative: every file resolves beside the module that asks for it, wherever dist/ is served.
  base: './',
  publicDir: false,
  define: { __WSIS_VERSION__: JSON.stringify(version) },
  // Lit's templates and styles ship as strings, which the JS minifier leaves alone.
  plugins: [
    minifyHtmlLiterals() as unknown as Plugin,
    plainDynamicImports(),
    tolerantLitVersions(),
    classicStub(source('src/stub.ts'), version),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    copyPublicDir: false,
    modulePreload: false,
    manifest: true,
    assetsInlineLimit: 0,
    rolldownOptions: {
      input: { module: source('src/bundle.ts') },
      preserveEntrySignatures: false,
      output: {
        // fuse.js and MiniSearch have non-ASCII keys and strings; escapes keep the files charset-proof.
        charset: 'ascii',
        entryFileNames: 'wsis-[name]-[hash].js',
        chunkFileNames: (chunk) => `wsis-${chunkName(chunk.facadeModuleId, chunk.name)}-[hash].js`,
        assetFileNames: 'wsis-[name]-[hash][extname]',
        // What the entry and the filters share, in one chunk rather than several small ones, which
        // compress worse and cost a request each. Only modules the default layout loads anyway.
        codeSplitting: {
          groups: [
            { name: 'shared', test: SHARED, includeDependenciesRecursively: false },
            { name: 'filters', test: FILTERS, includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
  worker: { format: 'es', rolldownOptions: { output: { entryFileNames: 'wsis-static-worker-[hash].js' } } },
});
