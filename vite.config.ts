import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, normalizePath, type Plugin } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

const source = (path: string) => normalizePath(fileURLToPath(new URL(path, import.meta.url)));

/**
 * Three IIFE builds into dist/: the widget (default mode), the static-mode index worker
 * (`--mode worker`, loaded only when `src` is used) and the search suggestions' fuzzy matcher
 * (`--mode suggest`, loaded on first use of the search box). The last two keep MiniSearch and
 * fuse.js out of the main bundle.
 */
const builds = {
  main: { entry: 'src/bundle.ts', name: 'WsisStocktaking', file: 'wsis-stocktaking.js' },
  worker: { entry: 'src/data/static/worker.ts', name: 'WsisStaticIndex', file: 'wsis-static-index.js' },
  suggest: { entry: 'src/components/search-box/suggest-chunk.ts', name: 'WsisSuggest', file: 'wsis-suggest.js' },
};

/**
 * An IIFE cannot split code, so the dynamic import of the matcher would inline fuse.js: the widget
 * script gets the loader of dist/wsis-suggest.js instead, and the build fails if fuse.js slips in.
 */
function matcherFromScript(): Plugin {
  const unbundled = source('src/components/search-box/load-matcher.ts');
  const script = source('src/components/search-box/load-matcher-script.ts');
  return {
    name: 'wsis-matcher-from-script',
    enforce: 'pre',
    resolveId: {
      filter: { id: /load-matcher/ },
      async handler(id, importer, options) {
        const resolved = await this.resolve(id, importer, { ...options, skipSelf: true });
        return resolved && normalizePath(resolved.id) === unbundled ? script : null;
      },
    },
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (
          chunk.type === 'chunk' &&
          chunk.moduleIds.some((id) => normalizePath(id).includes('/node_modules/fuse.js/'))
        ) {
          this.error(`fuse.js must stay out of ${chunk.fileName}; it belongs in wsis-suggest.js`);
        }
      }
    },
  };
}

export default defineConfig(({ mode }) => {
  const kind = mode === 'worker' || mode === 'suggest' ? mode : 'main';
  const build = builds[kind];
  return {
    publicDir: false,
    define: { __WSIS_VERSION__: JSON.stringify(version) },
    plugins: kind === 'main' ? [matcherFromScript()] : [],
    build: {
      outDir: 'dist',
      emptyOutDir: kind === 'main',
      target: 'es2021',
      sourcemap: false,
      copyPublicDir: false,
      lib: {
        entry: build.entry,
        formats: ['iife'],
        name: build.name,
        fileName: () => build.file,
      },
      // fuse.js and MiniSearch have non-ASCII keys and strings; escapes keep the files charset-proof.
      rolldownOptions: { output: { charset: 'ascii' } },
    },
  };
});
