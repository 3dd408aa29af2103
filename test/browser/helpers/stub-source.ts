import { provide } from '@lit/context';
import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { Entry } from '../../../src/data/entry.js';
import { toQueryString, type SearchParams } from '../../../src/data/query.js';
import { SourceError, type DataSource, type SourceResponse } from '../../../src/data/source.js';
import { storeContext } from '../../../src/state/context.js';
import { SearchStore } from '../../../src/state/search-store.js';
import { searchEntries } from './engine.js';

/**
 * A DataSource over an array, with no validation (so hostile entries reach the UI), and knobs
 * to hold or fail the next searches.
 */
export class StubSource implements DataSource {
  calls: SearchParams[] = [];
  failWith?: SourceError;
  #held: (() => void)[] = [];
  hold = false;

  constructor(public entries: Entry[]) {}

  async search(params: SearchParams, signal: AbortSignal): Promise<SourceResponse> {
    this.calls.push(params);
    if (this.hold) await new Promise<void>((resolve) => this.#held.push(resolve));
    if (signal.aborted) throw new SourceError('aborted', 'aborted');
    if (this.failWith) throw this.failWith;
    const result = searchEntries(this.entries, new URLSearchParams(toQueryString(params)));
    if (result.status !== 200) throw new SourceError('invalid_parameter', result.body.error.message, 400);
    return { ...(result.body as unknown as SourceResponse), dropped: 0 };
  }

  async getEntry(id: string): Promise<Entry> {
    const entry = this.entries.find((e) => e.id === id);
    if (!entry) throw new SourceError('not_found', `No entry ${id}`, 404);
    return entry;
  }

  release(): void {
    this.hold = false;
    for (const resolve of this.#held.splice(0)) resolve();
  }
}

/** Provides a store to its children the way `<wsis-stocktaking>` does, without its layout. */
export class TestStoreProvider extends LitElement {
  @provide({ context: storeContext })
  @property({ attribute: false })
  store?: SearchStore;

  protected override render() {
    return html`<slot></slot>`;
  }
}
if (!customElements.get('test-store-provider')) customElements.define('test-store-provider', TestStoreProvider);

/** A store over a stub source with no debounce or stalled delay worth waiting for. */
export function stubStore(entries: Entry[], options: { pageSize?: number; stalledMs?: number } = {}) {
  const source = new StubSource(entries);
  const store = new SearchStore(source, {
    debounceMs: 0,
    stalledMs: options.stalledMs ?? 5000,
    pageSize: options.pageSize ?? 5,
  });
  return { source, store };
}

declare global {
  interface HTMLElementTagNameMap {
    'test-store-provider': TestStoreProvider;
  }
}
