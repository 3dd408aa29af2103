/**
 * The module entry of the script build (dist/wsis-module-<hash>.js, started by the classic stub
 * dist/wsis-stocktaking.js): registers the search box, the results and `<wsis-stocktaking>`, and
 * loads every other element's code when that element appears (src/element-list.ts). Only English
 * is inside; the other languages are chunks loaded on first use.
 */
import { setMessageLoader } from './i18n/index.js';
// First: the loaders must be in place when the elements below upgrade and render.
import './elements.js';
// The `entry` elements of the list. The provider first, so children upgrading next find it.
import './components/stocktaking/define.js';
import './components/entry-list/define.js';
import './components/search-box/define.js';

setMessageLoader((lang) =>
  ({
    ar: () => import('./i18n/ar.js').then((m) => m.ar),
    es: () => import('./i18n/es.js').then((m) => m.es),
    fr: () => import('./i18n/fr.js').then((m) => m.fr),
    ru: () => import('./i18n/ru.js').then((m) => m.ru),
    zh: () => import('./i18n/zh.js').then((m) => m.zh),
    en: () => Promise.resolve({}),
  })[lang](),
);
