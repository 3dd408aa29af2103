/** English strings of the lazily loaded parts, each in the file its elements register. */
import { enDetail } from './en-detail.js';
import { enExport } from './en-export.js';
import { enFilters } from './en-filters.js';
import { enMap } from './en-map.js';

export const enExtras = { ...enDetail, ...enFilters, ...enMap, ...enExport } as const;
