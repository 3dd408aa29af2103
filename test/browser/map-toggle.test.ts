import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/components/stocktaking/define.js';
import '../../src/components/entry-list/define.js';
import '../../src/components/search-box/define.js';
import { lazyDefine } from '../../src/internal/lazy-define.js';
import type { WsisStocktaking } from '../../src/components/stocktaking/stocktaking.js';
import { until } from './helpers/dom.js';
import { API, mockApi } from './helpers/mock-api.js';

describe('<wsis-stocktaking> default layout on a narrow screen: the map behind a toggle', function () {
  this.timeout(30000);
  beforeEach(() => mockApi());
  after(() => setViewport({ width: 800, height: 600 }));

  it('loads the map only when the visitor opens "Map", by keyboard', async () => {
    await setViewport({ width: 390, height: 844 });
    let loads = 0;
    // As in the script build: the map's code arrives when the map comes near the viewport.
    lazyDefine(
      'wsis-country-map',
      async () => {
        loads++;
        customElements.define('wsis-country-map', class extends HTMLElement {});
      },
      'visible',
    );
    const el = await fixture<WsisStocktaking>(html`<wsis-stocktaking api=${API}></wsis-stocktaking>`);
    const list = el.shadowRoot!.querySelector('wsis-entry-list')!;
    await until(() => list.shadowRoot?.querySelector('.entry'), 'no result shown');
    // The map's place is filled once the first results have painted.
    await el.updateComplete;
    const map = el.shadowRoot!.querySelector('wsis-country-map')!;
    const toggle = el.shadowRoot!.querySelector<HTMLElement>('details.map > summary')!;
    expect(toggle.textContent!.trim()).to.equal('Map');
    await aTimeout(300);
    expect(map.checkVisibility(), 'the map shows before it is opened').to.equal(false);
    expect(loads, 'the map loaded before it was opened').to.equal(0);

    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => customElements.get('wsis-country-map'), 'the map never loaded once opened');
    expect(loads).to.equal(1);
    expect(map.checkVisibility()).to.equal(true);
    expect(map.closest('details')!.open).to.equal(true);
  });
});
