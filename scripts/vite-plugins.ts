/** Plugins of the script build (vite.config.ts). */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { transform } from 'esbuild';
import type { Plugin } from 'vite';

export const STUB_FILE = 'wsis-stocktaking.js';
export const versionedStub = (version: string) => `wsis-stocktaking-${version}.js`;
/** Bytes of gzip the stub may take. */
export const STUB_BUDGET = 1500;

/**
 * Emits dist/wsis-stocktaking.js, the classic stub of the embed snippet (src/stub.ts), once the
 * module entry's content-hashed name is known; the build fails if the stub outgrows its budget.
 */
export function classicStub(stubSource: string, version: string): Plugin {
  return {
    name: 'wsis-classic-stub',
    apply: 'build',
    async generateBundle(_, bundle) {
      const entry = Object.values(bundle).find(
        (file): file is Extract<typeof file, { type: 'chunk' }> => file.type === 'chunk' && file.isEntry,
      );
      if (!entry) return this.error('no module entry to point the stub at');
      const { code } = await transform(readFileSync(stubSource, 'utf8'), {
        loader: 'ts',
        format: 'iife',
        target: 'es2020',
        minify: true,
        charset: 'ascii',
        define: {
          __WSIS_VERSION__: JSON.stringify(version),
          __WSIS_ENTRY__: JSON.stringify(`./${entry.fileName}`),
          __WSIS_NAMES__: JSON.stringify([STUB_FILE, versionedStub(version)]),
          __WSIS_PRELOAD__: JSON.stringify(entry.imports.map((file) => `./${file}`)),
        },
      });
      const gzip = gzipSync(code, { level: 9 }).length;
      if (gzip > STUB_BUDGET) this.error(`${STUB_FILE} is ${gzip} bytes gzip, over its ${STUB_BUDGET}`);
      this.emitFile({ type: 'asset', fileName: STUB_FILE, source: code });
    },
  };
}

const PRELOAD_HELPER = '\0vite/preload-helper.js';

/**
 * Replaces Vite's preload helper, which wraps each `import()` to preload CSS and module
 * dependencies, with a plain call: these chunks have no CSS and `modulePreload` is off, so the
 * helper would only add about 1 kB gzip to the entry.
 */
export function plainDynamicImports(): Plugin {
  return {
    name: 'wsis-plain-dynamic-imports',
    apply: 'build',
    enforce: 'pre',
    load: {
      filter: { id: /^\0vite\/preload-helper\.js$/ },
      handler(id) {
        if (id !== PRELOAD_HELPER) return null;
        return 'export const __vitePreload = (load) => load();';
      },
    },
  };
}

/** `(x.litHtmlVersions??=[]).push("3.3.3")` and the same for reactiveElementVersions, in Lit's builds. */
const VERSION_REGISTRY = /\((\w+)\.(litHtmlVersions|reactiveElementVersions)\?\?=\[\]\)\.push\(/g;

/**
 * Lit adds its version to a page global (`litHtmlVersions`). The module runs after the page's own
 * scripts, so a page that has put something else under that name would stop Lit with a TypeError;
 * the version is then left unrecorded instead. The build fails if Lit's code changed shape.
 */
export function tolerantLitVersions(): Plugin {
  const files = /\/node_modules\/(lit-html\/lit-html|@lit\/reactive-element\/reactive-element)\.js$/;
  return {
    name: 'wsis-tolerant-lit-versions',
    apply: 'build',
    transform: {
      filter: { id: files },
      handler(code, id) {
        let found = 0;
        const out = code.replace(VERSION_REGISTRY, (_m, g: string, name: string) => {
          found++;
          return `(Array.isArray(${g}.${name}??=[])?${g}.${name}:[]).push(`;
        });
        if (found !== 1) this.error(`${id}: expected one version registry, found ${found}`);
        return { code: out, map: null };
      },
    },
  };
}
