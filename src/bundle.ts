/**
 * The module entry of the script build (dist/wsis-module-<hash>.js, started by the classic stub
 * dist/wsis-stocktaking.js): registers the search box, the results and `<wsis-stocktaking>`, and
 * loads every other element's code when that element appears (src/element-list.ts). Only English
 * is inside; the other languages are chunks loaded on first use.
 */
import { ContextRoot } from '@lit/context';
import { ELEMENTS, type LazyTag } from './element-list.js';
import { LOADERS } from './elements.js';
import { setMessageLoader } from './i18n/index.js';
import { lazyDefine, observeLazy } from './internal/lazy-define.js';
// The `entry` elements of the list.
import './components/entry-list/define.js';
import './components/search-box/define.js';
// Last: its first render creates the others, which should be defined by then.
import './components/stocktaking/define.js';

setMessageLoader(
  (lang) =>
    ({
      ar: () => import('./i18n/ar.js').then((m) => m.ar),
      es: () => import('./i18n/es.js').then((m) => m.es),
      fr: () => import('./i18n/fr.js').then((m) => m.fr),
      ru: () => import('./i18n/ru.js').then((m) => m.ru),
      zh: () => import('./i18n/zh.js').then((m) => m.zh),
      en: () => Promise.resolve({}),
    })[lang](),
);

// Children that upgrade before their <wsis-stocktaking> (script at the end of the page) get their store once it arrives.
new ContextRoot().attach(document.documentElement);

for (const [tag, when] of Object.entries(ELEMENTS)) {
  if (when !== 'entry') lazyDefine(tag, LOADERS[tag as LazyTag], when);
}
observeLazy(document);
