/**
 * The one-script build (`dist/wsis-stocktaking.js`): registers the search box, the results and
 * `<wsis-stocktaking>`, then loads the rest (filters, map, export, entry detail) from
 * dist/wsis-extras-<version>.js beside it. Only English is inside; other languages load from beside
 * the script on first use.
 */
import { ContextRoot } from '@lit/context';
import { nativeFetch } from './data/fetch-json.js';
import { setMessageLoader } from './i18n/index.js';
import { setExtrasLoader, whenExtras } from './internal/extras-hub.js';
import { loadScript } from './internal/load-script.js';
import { scriptBase } from './internal/script-url.js';
import { lendToExtras } from './internal/shared.js';
import { VERSION } from './internal/version.js';
import './components/entry-list/define.js';
import './components/search-box/define.js';
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

lendToExtras();
setExtrasLoader(() => loadScript(new URL(`wsis-extras-${VERSION}.js`, scriptBase()).href));
// Search and results work without it; the filters, map, export and entry detail stay empty.
whenExtras().catch((error: unknown) => {
  console.error('wsis-stocktaking: the filters, map, export and entry detail could not be loaded.', error);
});
