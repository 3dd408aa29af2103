/**
 * What the widget script lends to the lazily loaded dist/wsis-extras-<version>.js (filters, map,
 * export, entry detail): one copy of Lit, since under Trusted Types a second copy could not create
 * its `lit-html` policy, and one copy of every module that holds state (language, fetch captured at
 * load, error classes checked with instanceof).
 *
 * The extras build reads the imports below and maps each to `globalThis[SHARED_KEY].<name>` (see
 * vite.config.ts), so keep the form `import * as name from '...';`, one per line, and list every
 * name in `shared`.
 */
import * as lit from 'lit';
import * as litHtml from 'lit-html';
import * as reactiveElement from '@lit/reactive-element';
import * as live from 'lit/directives/live.js';
import * as repeat from 'lit/directives/repeat.js';
import * as entry from '../data/entry.js';
import * as fetchJson from '../data/fetch-json.js';
import * as source from '../data/source.js';
import * as vocabulary from '../data/vocabulary.js';
import * as countries from '../data/countries.js';
import * as i18n from '../i18n/index.js';
import * as labels from '../components/facet-filter/labels.js';
import * as listFormat from '../components/entry-list/format.js';
import * as baseStyles from '../themes/base.styles.js';
import * as define from './define.js';
import * as extrasHub from './extras-hub.js';
import * as loadScript from './load-script.js';
import * as trustedUrl from './trusted-url.js';
import * as scriptUrl from './script-url.js';
import * as wsisElement from './wsis-element.js';
import { sharedKeyName } from './shared-key.js';
import { VERSION } from './version.js';

export const SHARED_KEY = Symbol.for(sharedKeyName(VERSION));

const shared = {
  lit,
  litHtml,
  reactiveElement,
  live,
  repeat,
  entry,
  fetchJson,
  source,
  vocabulary,
  countries,
  i18n,
  labels,
  listFormat,
  baseStyles,
  define,
  extrasHub,
  loadScript,
  trustedUrl,
  scriptUrl,
  wsisElement,
};

/** Published under a symbol, so no page global is added and page globals cannot shadow it. */
export function lendToExtras(): void {
  Object.defineProperty(globalThis, SHARED_KEY, { value: Object.freeze(shared), configurable: true });
}
