import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/entry-list/define.js';
import '../../src/components/search-box/define.js';
import type { WsisEntryList } from '../../src/components/entry-list/entry-list.js';
import type { WsisSearchBox } from '../../src/components/search-box/search-box.js';
import { ApiSource } from '../../src/data/api-source.js';
import { SearchStore } from '../../src/state/search-store.js';
import { text, until } from './helpers/dom.js';
import { API, mockApi } from './helpers/mock-api.js';
import './helpers/stub-source.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const COUNT = /^(?:No entries|\d+ entr(?:y|ies))(?: for “(.*)”)?$/;

/** Every text a region shows, in order, one per change. */
function record(region: Element): string[] {
  const seen = [text(region)];
  new MutationObserver(() => {
    const now = text(region);
    if (now !== seen[seen.length - 1]) seen.push(now);
  }).observe(region, { childList: true, characterData: true, subtree: true });
  return seen;
}

describe('live summary while typing', function () {
  this.timeout(30000);

  it('typing a 10-letter word announces one count, the final one; the visible summary never pairs a text with another text’s count', async () => {
    await mockApi();
    const store = new SearchStore(new ApiSource(API));
    const wrapper = await fixture(
      html`<test-store-provider lang="en" .store=${store}
        ><wsis-search-box></wsis-search-box><wsis-entry-list></wsis-entry-list
      ></test-store-provider>`,
    );
    const box = wrapper.querySelector<WsisSearchBox>('wsis-search-box')!;
    const list = wrapper.querySelector<WsisEntryList>('wsis-entry-list')!;
    void store.search();
    await until(() => store.state.status === 'ready');
    await list.updateComplete;
    const live = list.shadowRoot!.querySelector('[role="status"]')!;
    const visible = list.shadowRoot!.querySelector('.summary')!;
    expect(text(live)).to.equal('60 entries');

    const announced = record(live);
    const mismatched: string[] = [];
    new MutationObserver(() => {
      const query = COUNT.exec(text(visible))?.[1];
      if (query !== undefined && query !== store.state.query.trim())
        mismatched.push(`${text(visible)} / ${store.state.query}`);
    }).observe(visible, { childList: true, characterData: true, subtree: true });

    box.focus();
    for (const letter of 'healthcare') {
      await sendKeys({ type: letter });
      await sleep(110);
    }
    await until(() => ['ready', 'empty'].includes(store.state.status) && store.state.query === 'healthcare');
    await until(() => COUNT.test(text(live)) && text(live) === text(visible), 'the count is announced');
    await sleep(1000);

    const counts = announced.slice(1).filter((t) => COUNT.test(t));
    expect(counts, announced.join(' | ')).to.have.length(1);
    expect(counts[0]).to.match(/ for “healthcare”$/);
    expect(
      announced.slice(1, -1).every((t) => t === 'Searching…'),
      announced.join(' | '),
    ).to.equal(true);
    expect(mismatched).to.deep.equal([]);
  });
});
