import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/components/stocktaking/define.js';
import '../../src/components/entry-list/define.js';
import '../../src/components/search-box/define.js';
import '../../src/components/action-line-filter/define.js';
import '../../src/components/facet-filter/define.js';
import '../../src/components/filter-chips/define.js';
import '../../src/components/export/define.js';
import '../../src/components/country-map/define.js';
import type { WsisStocktaking } from '../../src/components/stocktaking/stocktaking.js';
import { found, until } from './helpers/dom.js';
import { API, mockApi } from './helpers/mock-api.js';

const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

describe('<wsis-stocktaking> default layout: results come first', function () {
  this.timeout(30000);
  beforeEach(() => mockApi());
  after(() => setViewport({ width: 800, height: 600 }));

  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ]) {
    it(`shows the first result whole without scrolling at ${width}×${height}`, async () => {
      await setViewport({ width, height });
      document.body.style.margin = '0';
      const el = await fixture<WsisStocktaking>(html`<wsis-stocktaking api=${API}></wsis-stocktaking>`);
      const list = await found(el, 'wsis-entry-list');
      await until(() => list.shadowRoot!.querySelector('.entry'), 'no result shown');
      await until(() => el.shadowRoot!.querySelector('wsis-country-map')?.shadowRoot, 'the map did not render');
      await frames();
      window.scrollTo(0, 0);
      const box = list.shadowRoot!.querySelector('.entry')!.getBoundingClientRect();
      const where = `the first result is at x ${box.left}–${box.right}, y ${box.top}–${box.bottom}`;
      expect(box.top, where).to.be.at.least(0);
      expect(box.left, where).to.be.at.least(0);
      expect(box.bottom, `${where}, below the ${innerHeight} px viewport`).to.be.at.most(innerHeight);
      expect(box.right, `${where}, beside the ${innerWidth} px viewport`).to.be.at.most(innerWidth);
      document.body.style.margin = '';
    });
  }

  it('gives the active filters no row while there are none, and a row above the export once there are', async () => {
    await setViewport({ width: 1280, height: 800 });
    const el = await fixture<WsisStocktaking>(html`<wsis-stocktaking api=${API}></wsis-stocktaking>`);
    const list = await found(el, 'wsis-entry-list');
    await until(() => list.shadowRoot!.querySelector('.entry'), 'no result shown');
    await el.updateComplete;
    const column = el.shadowRoot!.querySelector('.results')!;
    const exportEl = await found(el, 'wsis-export');
    const chips = el.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<unknown> }>(
      'wsis-filter-chips',
    )!;
    await chips.updateComplete;
    await frames();
    const top = () => exportEl.getBoundingClientRect().top - column.getBoundingClientRect().top;
    expect(top(), 'space above the export without filters').to.be.below(1);
    el.store!.toggleFilter('sdg', '3', true);
    await until(() => !chips.hasAttribute('empty'), 'no chip for the filter');
    await frames();
    expect(top(), 'the export sits below the chips').to.be.at.least(chips.getBoundingClientRect().height);
    expect(chips.getBoundingClientRect().height).to.be.above(0);
  });
});
