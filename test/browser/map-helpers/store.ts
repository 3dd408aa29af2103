import { provide } from '@lit/context';
import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { Facets, SearchParams } from '../../../src/data/query.js';
import type { DataSource, SourceResponse } from '../../../src/data/source.js';
import { storeContext } from '../../../src/state/context.js';
import { SearchStore } from '../../../src/state/search-store.js';

/** A source that answers every search at once with the given facets. */
export function fakeSource(facets: (params: SearchParams) => Facets): DataSource & { calls: SearchParams[] } {
  const calls: SearchParams[] = [];
  return {
    calls,
    search(params): Promise<SourceResponse> {
      calls.push(params);
      const f = facets(params);
      const total = Object.values(f.country ?? {}).reduce((a, b) => a + b, 0);
      return Promise.resolve({ total, page: params.page, pageSize: params.pageSize, items: [], facets: f, dropped: 0 });
    },
    getEntry: () => Promise.reject(new Error('not in this fake')),
  };
}

/** A store that has searched once, so facets are in place. */
export async function storeWith(facets: Facets | ((params: SearchParams) => Facets)): Promise<SearchStore> {
  const store = new SearchStore(fakeSource(typeof facets === 'function' ? facets : () => facets), { debounceMs: 0 });
  await store.search();
  return store;
}

/** Stands in for <wsis-stocktaking>: provides a store to the elements inside. */
export class MapTestProvider extends LitElement {
  @provide({ context: storeContext })
  @property({ attribute: false })
  store?: SearchStore;

  override render() {
    return html`<slot></slot>`;
  }
}
if (!customElements.get('map-test-provider')) customElements.define('map-test-provider', MapTestProvider);

declare global {
  interface HTMLElementTagNameMap {
    'map-test-provider': MapTestProvider;
  }
}
