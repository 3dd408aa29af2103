/** The script build's loaders, one per lazily loaded element of src/element-list.ts; each is its own chunk. */
import type { LazyTag } from './element-list.js';

export const LOADERS: Record<LazyTag, () => Promise<unknown>> = {
  'wsis-action-line-filter': () => import('./components/action-line-filter/define.js'),
  'wsis-facet-filter': () => import('./components/facet-filter/define.js'),
  'wsis-filter-chips': () => import('./components/filter-chips/define.js'),
  'wsis-entry-detail': () => import('./components/entry-detail/define.js'),
  'wsis-country-map': () => import('./components/country-map/define.js'),
  'wsis-export': () => import('./components/export/define.js'),
};
