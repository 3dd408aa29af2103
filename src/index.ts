/**
 * The npm entry: registers every element of src/element-list.ts (as the script build does) and
 * every language, and exports the building blocks.
 */
import './i18n/all.js';

export { WsisStocktaking } from './components/stocktaking/define.js';
export { WsisEntryList } from './components/entry-list/define.js';
export { WsisEntryDetail } from './components/entry-detail/define.js';
export { WsisSearchBox } from './components/search-box/define.js';
export { WsisActionLineFilter } from './components/action-line-filter/define.js';
export { WsisFacetFilter } from './components/facet-filter/define.js';
export { WsisFilterChips } from './components/filter-chips/define.js';
export { WsisCountryMap } from './components/country-map/define.js';
export { WsisExport } from './components/export/define.js';
export { WsisManage } from './components/manage/define.js';
export { WsisEntryEditor } from './components/entry-editor/define.js';
export { ELEMENTS, type ElementTag } from './element-list.js';

export { SearchStore, type StoreOptions, type StoreSnapshot } from './state/search-store.js';
export type { SearchState, SearchStatus } from './state/types.js';
export { storeContext, type StoreProvider } from './state/context.js';

export { createSource } from './data/create-source.js';
export { ApiSource, type ApiSourceOptions } from './data/api-source.js';
export { StaticSource, type StaticSourceOptions } from './data/static/static-source.js';
export { SourceError, type DataSource, type SourceErrorCode, type SourceResponse } from './data/source.js';
export { isHttpUrl, validateEntry, type Entry } from './data/entry.js';
export { WriteClient, WriteError } from './data/write-client.js';
export type {
  Correction,
  Facets,
  FacetName,
  FilterKey,
  Filters,
  SearchParams,
  SearchResponse,
  Sort,
} from './data/query.js';
export type {
  ExportFormat,
  WsisEntryOpenDetail,
  WsisErrorDetail,
  WsisExportDetail,
  WsisSearchDetail,
} from './internal/events.js';
export { VERSION } from './internal/version.js';
export { registerMessages, LANGS, type Lang } from './i18n/index.js';
