import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stocktaking/define.js';
import '../../src/components/search-box/define.js';
import '../../src/components/entry-list/define.js';
import '../../src/i18n/all.js';
import { ar } from '../../src/i18n/ar.js';
import type { WsisStocktaking } from '../../src/components/stocktaking/stocktaking.js';
import { until } from './helpers/dom.js';
import { API, mockApi } from './helpers/mock-api.js';

/** The direction a part of the widget (in its shadow root, or slotted) renders with. */
const partDir = (el: Element, tag: string) =>
  (el.shadowRoot?.querySelector(tag) ?? el.querySelector(tag))?.shadowRoot?.querySelector('.base')?.getAttribute('dir');

describe('localize: every element follows the nearest lang', function () {
  this.timeout(30000);
  beforeEach(() => mockApi());

  it('re-renders when a page ancestor changes its lang', async () => {
    const page = await fixture<HTMLElement>(
      html`<div lang="en"><wsis-stocktaking api=${API}></wsis-stocktaking></div>`,
    );
    const el = page.querySelector<WsisStocktaking>('wsis-stocktaking')!;
    await el.updateComplete;
    await until(() => partDir(el, 'wsis-search-box') === 'ltr', 'search box not rendered');
    page.lang = 'ar';
    await until(() => partDir(el, 'wsis-search-box') === 'rtl', 'the search box kept its direction');
    await until(() => partDir(el, 'wsis-entry-list') === 'rtl', 'the list kept its direction');
    expect(el.shadowRoot!.querySelector('.base')!.getAttribute('lang')).to.equal('ar');
    expect(el.shadowRoot!.querySelector('details.filters > summary')!.textContent!.trim()).to.equal(
      ar['filters.label'],
    );
  });

  it('re-renders when an ancestor inside another shadow root changes its lang', async () => {
    const outer = await fixture<HTMLElement>(html`<div></div>`);
    const root = outer.attachShadow({ mode: 'open' });
    const section = document.createElement('section');
    section.lang = 'en';
    section.innerHTML = `<wsis-stocktaking api="${API}"></wsis-stocktaking>`;
    root.append(section);
    const el = section.querySelector<WsisStocktaking>('wsis-stocktaking')!;
    await el.updateComplete;
    await until(() => partDir(el, 'wsis-search-box') === 'ltr', 'search box not rendered');
    section.lang = 'ar';
    await until(() => partDir(el, 'wsis-search-box') === 'rtl', 'the search box kept its direction');
  });

  it('reaches the parts of a custom layout when the widget changes its lang', async () => {
    const el = await fixture<WsisStocktaking>(
      html`<wsis-stocktaking api=${API}><wsis-search-box></wsis-search-box></wsis-stocktaking>`,
    );
    await until(() => partDir(el, 'wsis-search-box') === 'ltr', 'search box not rendered');
    el.lang = 'ar';
    await until(() => partDir(el, 'wsis-search-box') === 'rtl', 'the slotted search box kept its direction');
  });
});
