import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stocktaking/define.js';
import '../../src/components/entry-list/define.js';
import '../../src/components/search-box/define.js';
import '../../src/components/action-line-filter/define.js';
import '../../src/components/facet-filter/define.js';
import '../../src/components/filter-chips/define.js';
import type { WsisStocktaking } from '../../src/components/stocktaking/stocktaking.js';
import { found, until } from './helpers/dom.js';
import { API, mockApi } from './helpers/mock-api.js';

const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

describe('<wsis-stocktaking> filters disclosure', function () {
  this.timeout(20000);
  beforeEach(() => mockApi());

  async function mount(width: string) {
    const box = await fixture<HTMLDivElement>(
      html`<div style="width: ${width}"><wsis-stocktaking api=${API}></wsis-stocktaking></div>`,
    );
    const el = box.querySelector<WsisStocktaking>('wsis-stocktaking')!;
    const details = await found<HTMLDetailsElement>(el, 'details.filters');
    return { box, details };
  }

  it('is really open beside the list, so every browser lets Tab into it', async () => {
    const { details } = await mount('1200px');
    await until(() => details.open, 'the filters stayed closed in the wide layout');
  });

  it('is open in the first render beside the list, with no frame laid out closed', async () => {
    const box = await fixture<HTMLDivElement>(html`<div style="width: 1200px"></div>`);
    const el = document.createElement('wsis-stocktaking') as WsisStocktaking;
    el.setAttribute('api', API);
    box.append(el);
    await el.updateComplete;
    // No frame has run since the element rendered: whatever is open now is open in its first layout.
    const panels = [...el.shadowRoot!.querySelectorAll<HTMLDetailsElement>('details.side-panel')];
    expect(panels.length).to.be.greaterThan(0);
    expect(panels.map((d) => d.open)).to.deep.equal(panels.map(() => true));
  });

  it('follows the width, and keeps the visitor’s narrow choice', async () => {
    const { box, details } = await mount('400px');
    await frames();
    expect(details.open, 'closed by default when narrow').to.equal(false);
    box.style.width = '1200px';
    await until(() => details.open, 'not opened when the widget became wide');
    box.style.width = '400px';
    await until(() => !details.open, 'not closed again when narrow');
    details.open = true;
    box.style.width = '1200px';
    await frames();
    box.style.width = '400px';
    await frames();
    await frames();
    expect(details.open, 'the visitor had opened it while narrow').to.equal(true);
  });
});
