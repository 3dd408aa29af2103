import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/components/stocktaking/define.js';
import '../../src/components/entry-list/define.js';
import '../../src/components/entry-detail/define.js';
import '../../src/components/search-box/define.js';
import '../../src/components/action-line-filter/define.js';
import '../../src/components/facet-filter/define.js';
import '../../src/components/filter-chips/define.js';
import type { WsisStocktaking } from '../../src/components/stocktaking/stocktaking.js';
import { deepQueryAll, until } from './helpers/dom.js';
import { API, mockApi } from './helpers/mock-api.js';

const page = () => document.scrollingElement!;

/** Waits for results and for the hidden texts of the list, whose escape is what is measured. */
async function rendered(host: HTMLElement): Promise<WsisStocktaking> {
  const el = host.querySelector('wsis-stocktaking')!;
  await until(() => el.store?.state.status === 'ready', 'no results');
  await until(() => deepQueryAll(el, '.visually-hidden').length > 20, 'no hidden texts rendered');
  await new Promise((resolve) => requestAnimationFrame(resolve));
  return el;
}

describe('the host page keeps its scroll size', function () {
  this.timeout(30000);
  beforeEach(async () => {
    await setViewport({ width: 1280, height: 900 });
    await mockApi();
  });

  it('in a scrolling container: the page does not grow, the container scrolls only the widget', async () => {
    const host = await fixture<HTMLDivElement>(
      html`<div style="height: 400px; overflow: auto">
        <wsis-stocktaking api=${API} page-size="50"></wsis-stocktaking>
      </div>`,
    );
    const el = await rendered(host);
    expect(page().scrollHeight, 'page height').to.be.at.most(900);
    expect(host.scrollHeight).to.be.at.most(Math.ceil(el.getBoundingClientRect().height) + 1);
  });

  it('in a 300 px sidebar of a 900 px page', async () => {
    const host = await fixture<HTMLDivElement>(
      html`<div style="display: flex; height: 900px">
        <main style="flex: 1"></main>
        <aside style="width: 300px; overflow: auto">
          <wsis-stocktaking api=${API} page-size="50"></wsis-stocktaking>
        </aside>
      </div>`,
    );
    const el = await rendered(host);
    const aside = host.querySelector('aside')!;
    expect(aside.getBoundingClientRect().height).to.equal(900);
    expect(page().scrollHeight, 'page height').to.be.at.most(900 + 16);
    expect(aside.scrollHeight).to.be.at.most(Math.ceil(el.getBoundingClientRect().height) + 1);
  });
});
