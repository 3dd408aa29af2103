import { fixture, html } from '@open-wc/testing';
import '../../../src/components/export/define.js';
import type { WsisExport } from '../../../src/components/export/export.js';
import type { DataSource } from '../../../src/data/source.js';
import { SearchStore } from '../../../src/state/search-store.js';
import '../filter-helpers/provider.js';

/** A `<wsis-export>` in English, linked to a store that has searched `source` once. */
export async function mountExport(source: DataSource): Promise<{ el: WsisExport; store: SearchStore }> {
  const store = new SearchStore(source, { debounceMs: 0 });
  await store.search();
  const provider = await fixture<HTMLElement>(
    html`<wsis-test-provider lang="en" .store=${store}><wsis-export></wsis-export></wsis-test-provider>`,
  );
  const el = provider.querySelector('wsis-export') as WsisExport;
  await el.updateComplete;
  return { el, store };
}
