import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/components/stocktaking/define.js';
import '../../src/components/entry-list/define.js';
import '../../src/components/entry-detail/define.js';
import '../../src/components/search-box/define.js';
import '../../src/components/action-line-filter/define.js';
import '../../src/components/facet-filter/define.js';
import '../../src/components/filter-chips/define.js';
import type { WsisStocktaking } from '../../src/components/stocktaking/stocktaking.js';
import { generateEntries } from '../../scripts/sample/generate.js';
import { deepActive, label, same, text, until } from './helpers/dom.js';
import { API, mockApi, requests } from './helpers/mock-api.js';

/** Presses Tab until `match` holds for the focused element. */
async function tabTo(match: (el: Element) => boolean, what: string, max = 150): Promise<HTMLElement> {
  for (let i = 0; i < max; i++) {
    const el = deepActive();
    if (el && match(el)) return el as HTMLElement;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}; focus is on ${label(deepActive())}`);
}

const settled = (el: WsisStocktaking) =>
  until(
    () => el.store && ['ready', 'empty', 'error', 'offline'].includes(el.store.state.status),
    'search did not finish',
  );

describe('keyboard-only flow', () => {
  before(() => setViewport({ width: 1024, height: 800 }));

  it('searches, filters, sorts, pages and reads an entry without a pointer', async function () {
    this.timeout(60000);
    await mockApi(generateEntries(300, 1));
    const wrapper = await fixture(
      html`<div>
        <button>Before the widget</button>
        <wsis-stocktaking api=${API} page-size="5"></wsis-stocktaking>
      </div>`,
    );
    const el = wrapper.querySelector('wsis-stocktaking')!;
    await settled(el);
    const root = el.shadowRoot!;
    const list = root.querySelector('wsis-entry-list')!;
    wrapper.querySelector('button')!.focus();

    // 1. Type a query with a typo: the source corrects it.
    const input = await tabTo(
      (e) => e.localName === 'input' && e.getAttribute('role') === 'combobox',
      'the search box',
    );
    await sendKeys({ type: 'helth' });
    await until(
      () => el.store!.state.query === 'helth' && el.store!.state.status === 'ready',
      'typed search did not run',
    );
    await until(() => text(list.shadowRoot!.querySelector('.corrected')).includes('“health” instead of “helth”'));

    // 2. Pick a suggestion with the arrow keys.
    await until(() => input.getAttribute('aria-expanded') === 'true', 'no suggestions');
    const box = root.querySelector('wsis-search-box')!.shadowRoot!;
    for (let i = 0; i < 8; i++) {
      await sendKeys({ press: 'ArrowDown' });
      const active = box.getElementById(input.getAttribute('aria-activedescendant') ?? '');
      if (active?.getAttribute('aria-label')?.includes('Good health and well-being')) break;
    }
    await sendKeys({ press: 'Enter' });
    await settled(el);
    expect(el.store!.state.filters.sdg).to.deep.equal(['3']);

    // 3. Tick C7 · E-health: open the C7 sub-lines, then tick with Space.
    await tabTo(
      (e) => e.classList.contains('toggle') && e.getAttribute('aria-controls') === 'c7-sublines',
      'the C7 toggle',
    );
    await sendKeys({ press: 'Enter' });
    const ehealth = await tabTo((e) => (e as HTMLInputElement).value === 'C7.e-health', 'the E-health checkbox');
    await sendKeys({ press: ' ' });
    expect((ehealth as HTMLInputElement).checked).to.equal(true);
    await settled(el);
    expect(el.store!.state.filters.actionLine).to.deep.equal(['C7.e-health']);
    const total = el.store!.state.total;
    expect(total).to.be.above(5);

    // 4. Sort: move through the options and settle on Newest.
    const select = (await tabTo((e) => e.localName === 'select', 'the sort menu')) as HTMLSelectElement;
    await sendKeys({ press: 'ArrowDown' });
    await settled(el);
    expect(el.store!.state.sort).to.equal('oldest');
    await sendKeys({ press: 'ArrowUp' });
    await settled(el);
    expect(select.value).to.equal('newest');
    expect(el.store!.state.sort).to.equal('newest');
    expect(requests.at(-1)!.searchParams.get('sort')).to.equal('newest');
    const years = el.store!.state.results.map((e) => e.startYear);
    expect(years).to.deep.equal([...years].sort((a, b) => b - a));

    // 5. Load more: focus lands on the first new entry.
    await tabTo((e) => e.classList.contains('more'), 'Load more');
    await sendKeys({ press: 'Enter' });
    await settled(el);
    await until(() => list.shadowRoot!.querySelectorAll('.entry').length === 10, 'no more entries');
    await until(
      () => deepActive() === list.shadowRoot!.querySelector('.open[data-index="5"]'),
      'focus did not move to the new entry',
    );
    const opener = deepActive() as HTMLElement;

    // 6. Open it.
    await sendKeys({ press: 'Enter' });
    const detail = list.shadowRoot!.querySelector('wsis-entry-detail')!;
    const dialog = detail.shadowRoot!.querySelector('dialog')!;
    await until(() => dialog.open && dialog.querySelector('h2')?.textContent === text(opener));
    expect(dialog.contains(deepActive()), `focus is on ${label(deepActive())}`).to.equal(true);
    expect(el.store!.state.openEntryId).to.equal(el.store!.state.results[5].id);

    // 7. Close it with Escape: focus goes back to the entry.
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open);
    same(deepActive(), opener, 'focus after closing');
    expect(el.store!.state.openEntryId).to.equal(undefined);
    // The whole way, every request kept the chosen filters once they were set.
    expect(requests.at(-1)!.searchParams.getAll('actionLine')).to.deep.equal(['C7.e-health']);
  });
});
