import { readFileSync } from 'node:fs';

/** The tags of src/element-list.ts: elements register through a helper the analyzer cannot follow. */
const TAGS = new Set(
  [...readFileSync('src/element-list.ts', 'utf8').matchAll(/'(wsis-[a-z-]+)': '/g)].map((m) => m[1]),
);
const tagOf = (className) => className.replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase());

/** Names each element's tag (WsisSearchBox → wsis-search-box) and leaves out the controllers and helpers. */
function wsisTags() {
  return {
    name: 'wsis-tags',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        mod.declarations = (mod.declarations ?? []).filter((d) => d.kind !== 'class' || TAGS.has(tagOf(d.name)));
        for (const d of mod.declarations) {
          if (d.kind !== 'class') continue;
          d.tagName = tagOf(d.name);
          d.customElement = true;
          mod.exports = [
            ...(mod.exports ?? []),
            { kind: 'custom-element-definition', name: d.tagName, declaration: { name: d.name, module: mod.path } },
          ];
        }
      }
    },
  };
}

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/define.ts', 'src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  plugins: [wsisTags()],
};
