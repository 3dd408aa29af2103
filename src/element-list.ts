/**
 * Every `wsis-*` element and when the script build loads its code. The npm entry (src/index.ts)
 * and the script build (src/bundle.ts, with the loaders of src/elements.ts) register exactly these
 * (test/node/elements.test.ts); the size check (scripts/size.ts) counts `entry` and `ready` ones as
 * loaded before a visitor's first interaction. Each element's code is in
 * src/components/<tag without "wsis-">/define.ts.
 *
 * - `entry`: inside the module entry itself;
 * - `ready`: as soon as the element is on the page;
 * - `visible`: when it comes near the viewport (the map, which then loads its geometry).
 */
export type LoadWhen = 'entry' | 'ready' | 'visible';

export const ELEMENTS = {
  'wsis-stocktaking': 'entry',
  'wsis-search-box': 'entry',
  'wsis-entry-list': 'entry',
  'wsis-action-line-filter': 'ready',
  'wsis-facet-filter': 'ready',
  'wsis-filter-chips': 'ready',
  // The list renders it when an entry is first opened.
  'wsis-entry-detail': 'ready',
  'wsis-country-map': 'visible',
  'wsis-export': 'ready',
  // The manage page's elements: a search page never has them, so never loads their code.
  'wsis-manage': 'ready',
  'wsis-entry-editor': 'ready',
} as const satisfies Record<`wsis-${string}`, LoadWhen>;

export type ElementTag = keyof typeof ELEMENTS;
/** The elements whose code is a chunk of its own. */
export type LazyTag = { [T in ElementTag]: (typeof ELEMENTS)[T] extends 'entry' ? never : T }[ElementTag];
