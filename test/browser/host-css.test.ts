import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stocktaking/define.js';
import '../../src/components/entry-list/define.js';
import '../../src/components/search-box/define.js';
import '../../src/components/action-line-filter/define.js';
import '../../src/components/facet-filter/define.js';
import '../../src/components/filter-chips/define.js';
import type { WsisStocktaking } from '../../src/components/stocktaking/stocktaking.js';
import { API, mockApi } from './helpers/mock-api.js';
import { until } from './helpers/dom.js';

/** What careless page CSS does to the one element it can reach; scoped to the host to spare the runner page. */
const HOSTILE = `wsis-stocktaking { font: italic 700 30px serif !important; color: red !important;
  line-height: 5 !important; letter-spacing: 4px !important; text-transform: uppercase !important; }`;
const UNSET = `wsis-stocktaking { all: unset; } body { font: 30px serif !important; color: red !important; }`;

function pageStyle(css: string): () => void {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  return () => style.remove();
}

/** The text style of `el`, as the checks compare it. */
function textStyle(el: Element) {
  const s = getComputedStyle(el);
  return {
    fontSize: s.fontSize,
    serif: /^serif$/i.test(s.fontFamily),
    color: s.color,
    lineHeight: s.lineHeight,
    italic: s.fontStyle,
    transform: s.textTransform,
  };
}

const expected = { fontSize: '16px', serif: false, color: 'rgb(27, 31, 36)', italic: 'normal', transform: 'none' };

describe('page CSS on the <wsis-stocktaking> host', function () {
  this.timeout(30000);
  before(() => mockApi());

  for (const [name, css] of [
    ['!important font and colour', HOSTILE],
    ['all: unset', UNSET],
  ]) {
    it(`${name}: the Filters summary keeps the widget's text style`, async () => {
      const remove = pageStyle(css);
      try {
        const el = await fixture<WsisStocktaking>(html`<wsis-stocktaking api=${API}></wsis-stocktaking>`);
        await until(() => el.store?.state.status === 'ready', 'no results');
        const summary = el.shadowRoot!.querySelector('details.filters > summary')!;
        expect(textStyle(summary)).to.deep.include(expected);
        expect(parseFloat(textStyle(summary).lineHeight)).to.be.below(30);
      } finally {
        remove();
      }
    });

    it(`${name}: the configuration error keeps the widget's text style`, async () => {
      const remove = pageStyle(css);
      try {
        const el = await fixture<WsisStocktaking>(html`<wsis-stocktaking></wsis-stocktaking>`);
        await el.updateComplete;
        const error = el.shadowRoot!.querySelector('.config-error')!;
        expect(error, 'config error shown').to.exist;
        // The error has its own colour; the rest must be the widget's.
        expect(textStyle(error)).to.deep.include({ ...expected, color: 'rgb(176, 0, 32)' });
      } finally {
        remove();
      }
    });
  }
});
