/**
 * The one-script build (`dist/wsis-stocktaking.js`): registers every element, exports nothing.
 * Only English is inside; other languages load from beside the script on first use.
 */
import { ContextRoot } from '@lit/context';
import { nativeFetch } from './data/fetch-json.js';
import { setMessageLoader } from './i18n/index.js';
import { scriptBase } from './internal/script-url.js';
import './components/entry-detail/define.js';
import './components/entry-list/define.js';
import './components/search-box/define.js';
import './components/action-line-filter/define.js';
import './components/facet-filter/define.js';
import './components/filter-chips/define.js';
import './components/country-map/define.js';
import './components/export/define.js';
// Last: its first render creates the others, which should be defined by then.
import './components/stocktaking/define.js';

setMessageLoader(async (lang) => {
  const response = await (nativeFetch ?? fetch)(new URL(`wsis-i18n-${lang}.json`, scriptBase()).href, {
    credentials: 'omit',
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
});

// Children that upgrade before their <wsis-stocktaking> (script at the end of the page) get their store once it arrives.
new ContextRoot().attach(document.documentElement);
