import { createContext } from '@lit/context';
import type { SearchStore } from './search-store.js';

/** A plain Symbol (not Symbol.for) so a second copy of the bundle never shares stores with this one. */
export const storeContext = createContext<SearchStore | undefined>(Symbol('wsis-search-store'));

/** What `<wsis-stocktaking>` offers to elements linked by `for="id"`. */
export interface StoreProvider extends HTMLElement {
  observeStore(callback: (store: SearchStore | undefined) => void): () => void;
}

export function isStoreProvider(el: Element | null): el is StoreProvider {
  return !!el && typeof (el as Partial<StoreProvider>).observeStore === 'function';
}
