import { provide } from '@lit/context';
import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { storeContext } from '../../../src/state/context.js';
import type { SearchStore } from '../../../src/state/search-store.js';

/** Stands in for `<wsis-stocktaking>`: provides a store to the elements inside it. */
export class TestProvider extends LitElement {
  @provide({ context: storeContext })
  @property({ attribute: false })
  store?: SearchStore;

  override render() {
    return html`<slot></slot>`;
  }
}

if (!customElements.get('wsis-test-provider')) customElements.define('wsis-test-provider', TestProvider);
