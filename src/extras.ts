/**
 * Entry of dist/wsis-extras-<version>.js, which the widget script loads right after it starts:
 * everything beyond the search box and the results (filters, map, export, entry detail, static
 * mode). Lit and the shared modules come from the widget script (src/internal/shared.ts), so this
 * file cannot run on its own.
 */
import { StaticSource } from './data/static/static-source.js';
import { provideExtras } from './internal/extras-hub.js';
import './components/entry-detail/define.js';
import './components/action-line-filter/define.js';
import './components/facet-filter/define.js';
import './components/country-map/define.js';
import './components/export/define.js';
import './components/filter-chips/define.js';

provideExtras({ StaticSource });
