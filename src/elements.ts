/**
 * The script build's loaders, one per lazily loaded element of src/element-list.ts, each its own
 * chunk. Importing this module registers them and starts watching the document; src/bundle.ts
 * imports it before the elements of the entry, whose first renders are then watched as well.
 */
import { ELEMENTS, type LazyTag } from './element-list.js';
import { lazyDefine, observeLazy } from './internal/lazy-define.js';

export const LOADERS: Record<LazyTag, () => Promise<unknown>> = {
  'wsis-action-line-filter': () => import('./components/action-line-filter/define.js'),
  'wsis-facet-filter': () => import('./components/facet-filter/define.js'),
  'wsis-filter-chips': () => import('./components/filter-chips/define.js'),
  'wsis-entry-detail': () => import('./components/entry-detail/define.js'),
  'wsis-country-map': () => import('./components/country-map/define.js'),
  'wsis-export': () => import('./components/export/define.js'),
  'wsis-manage': () => import('./components/manage/define.js'),
  'wsis-entry-editor': () => import('./components/entry-editor/define.js'),
};

for (const [tag, when] of Object.entries(ELEMENTS)) {
  if (when !== 'entry') lazyDefine(tag, LOADERS[tag as LazyTag], when);
}
observeLazy(document);
