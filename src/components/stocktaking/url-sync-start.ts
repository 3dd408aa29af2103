import type { SearchStore } from '../../state/search-store.js';
import { UrlSync } from '../../state/url-sync.js';

const PARAM = /^[A-Za-z][A-Za-z0-9_-]{0,31}$/;

/**
 * Starts mirroring `store` into the page URL's parameter `param` (restoring from it first), unless
 * `current()` says the host has moved on meanwhile. A chunk of its own with UrlSync, loaded only
 * when `sync-url` is set.
 */
export function startUrlSync(store: SearchStore, param: string, current: () => boolean): UrlSync | undefined {
  if (!PARAM.test(param)) {
    console.error(`<wsis-stocktaking>: sync-url="${param}" must be a parameter name of letters, digits, "_" or "-".`);
    return undefined;
  }
  if (!current()) return undefined;
  const sync = new UrlSync(store, param);
  store.shareUrl = (id) => sync.shareUrl(id);
  sync.start();
  return sync;
}
