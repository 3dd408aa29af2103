/** The one-script build (`dist/wsis-stocktaking.js`): registers every element and language, exports nothing. */
import './i18n/all.js';
import './components/entry-detail/define.js';
import './components/entry-list/define.js';
import './components/search-box/define.js';
import './components/action-line-filter/define.js';
import './components/facet-filter/define.js';
import './components/filter-chips/define.js';
// Last: its first render creates the others, which should be defined by then.
import './components/stocktaking/define.js';
