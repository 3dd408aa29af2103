import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/entry-list/define.js';
import '../../src/components/facet-filter/define.js';
import '../../src/components/filter-chips/define.js';
import type { WsisEntryList } from '../../src/components/entry-list/entry-list.js';
import type { WsisFacetFilter } from '../../src/components/facet-filter/facet-filter.js';
import '../../src/i18n/all.js';
import { makeEntry } from '../fixtures/entries.js';
import { until } from './helpers/dom.js';
import { stubStore } from './helpers/stub-source.js';

const ENTRIES = [
  makeEntry('e1', { title: 'Rwanda telehealth network', countries: ['RW'], regions: ['africa'] }),
  ...Array.from({ length: 8 }, (_, i) =>
    makeEntry(`p${i}`, { title: `Project number ${i}`, countries: ['FR'], regions: ['europe'] }),
  ),
];

describe('paint order', function () {
  this.timeout(20000);

  it('an answer paints the list first; facets and chips render it after that frame', async () => {
    const { store, source } = stubStore(ENTRIES);
    const wrapper = await fixture(
      html`<test-store-provider lang="en" .store=${store}
        ><wsis-entry-list></wsis-entry-list><wsis-facet-filter facet="region"></wsis-facet-filter
        ><wsis-filter-chips></wsis-filter-chips
      ></test-store-provider>`,
    );
    const list = wrapper.querySelector<WsisEntryList>('wsis-entry-list')!;
    const facets = wrapper.querySelector<WsisFacetFilter>('wsis-facet-filter')!;
    await store.search();
    await list.updateComplete;
    await facets.updateComplete;

    source.hold = true;
    store.submit('telehealth');
    await list.updateComplete;
    await facets.updateComplete;

    const order: string[] = [];
    const mark = (name: string) => order[order.length - 1] !== name && order.push(name);
    for (const [name, el] of [
      ['list', list],
      ['facets', facets],
    ] as const) {
      new MutationObserver(() => mark(name)).observe(el.shadowRoot!, {
        childList: true,
        characterData: true,
        subtree: true,
        attributes: true,
      });
    }
    requestAnimationFrame(() => mark('frame'));
    source.release();
    await until(() => order.includes('list') && order.includes('facets'), order.join(', '));
    await facets.updateComplete;

    expect(order.indexOf('list'), order.join(', ')).to.be.below(order.indexOf('frame'));
    expect(order.indexOf('frame'), order.join(', ')).to.be.below(order.indexOf('facets'));
    expect(facets.shadowRoot!.textContent).to.contain('Africa');
  });
});
