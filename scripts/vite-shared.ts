/**
 * Build plugins that keep one copy of Lit and of our stateful modules on the page: the extras
 * chunk borrows them from the widget script (src/internal/shared.ts) instead of bundling its own.
 */
import { readFileSync } from 'node:fs';
import { normalizePath, type Plugin } from 'vite';

const LIT_CORE = [
  '/node_modules/lit-html/lit-html.js',
  '/node_modules/lit-element/lit-element.js',
  '/node_modules/@lit/reactive-element/reactive-element.js',
];

/**
 * Imports of the extras build that resolve to a module listed in `sharedFile` become externals,
 * read from `globalThis[Symbol.for(key)].<name>` when the chunk runs. The build fails if the chunk
 * would still contain a Lit core module or a module outside `ownDirs`.
 */
export function borrowShared(sharedFile: string, key: string, ownDirs: string[]): Plugin {
  const names = new Map<string, string>();
  const imports = [...readFileSync(sharedFile, 'utf8').matchAll(/^import \* as (\w+) from '([^']+)';$/gm)];
  const registry = `globalThis[Symbol.for(${JSON.stringify(key)})]`;
  return {
    name: 'wsis-borrow-shared',
    enforce: 'pre',
    async buildStart() {
      for (const [, name, specifier] of imports) {
        const resolved = await this.resolve(specifier, sharedFile);
        if (!resolved) this.error(`${sharedFile}: cannot resolve ${specifier}`);
        names.set(normalizePath(resolved.id), name);
      }
    },
    async resolveId(id, importer, options) {
      if (!importer) return null;
      const resolved = await this.resolve(id, importer, { ...options, skipSelf: true });
      return resolved && names.has(normalizePath(resolved.id)) ? { id: resolved.id, external: true } : null;
    },
    outputOptions(output) {
      return { ...output, globals: (id: string) => `${registry}.${names.get(normalizePath(id)) ?? '_missing'}` };
    },
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const id of chunk.moduleIds.map(normalizePath)) {
          if (LIT_CORE.some((core) => id.endsWith(core))) {
            this.error(`${chunk.fileName} would contain a second copy of ${id}; borrow it through ${sharedFile}`);
          }
          if (id.includes('/src/') && !ownDirs.some((dir) => id.includes(dir))) {
            this.error(`${chunk.fileName} would contain its own copy of ${id}; list it in ${sharedFile}`);
          }
        }
      }
    },
  };
}
