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
});
