import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Two IIFE builds into dist/: the widget (default mode) and the static-mode index worker (`--mode worker`),
 * which stays out of the main bundle and loads only when `src` is used.
 */
export default defineConfig(({ mode }) => {
  const worker = mode === 'worker';
  return {
    publicDir: false,
    define: { __WSIS_VERSION__: JSON.stringify(version) },
    build: {
      outDir: 'dist',
      emptyOutDir: !worker,
      target: 'es2021',
      sourcemap: false,
      copyPublicDir: false,
      lib: {
        entry: worker ? 'src/data/static/worker.ts' : 'src/bundle.ts',
        formats: ['iife'],
        name: worker ? 'WsisStaticIndex' : 'WsisStocktaking',
        fileName: () => (worker ? 'wsis-static-index.js' : 'wsis-stocktaking.js'),
      },
      rolldownOptions: { output: { charset: 'ascii' } },
    },
  };
});
