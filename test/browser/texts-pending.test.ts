import { expect } from '@open-wc/testing';
import '../../src/components/stocktaking/define.js';
import '../../src/components/entry-list/define.js';
import '../../src/components/search-box/define.js';
import { setMessageLoader, type Lang } from '../../src/i18n/index.js';
import type { WsisStocktaking } from '../../src/components/stocktaking/stocktaking.js';
import { API, mockApi } from './helpers/mock-api.js';
import { deepQuery, until } from './helpers/dom.js';

/** Catalogues that arrive when the test says so, as the script build's language chunks would. */
function heldLoader() {
  const waiting = new Map<Lang, (texts: Record<string, string> | Promise<never>) => void>();
  setMessageLoader((lang) => new Promise((resolve) => waiting.set(lang, resolve)));
  return waiting;
}

async function mount(lang: string): Promise<WsisStocktaking> {
  const el = document.createElement('wsis-stocktaking') as WsisStocktaking;
  el.setAttribute('api', API);
  el.setAttribute('lang', lang);
  document.body.append(el);
  await until(() => el.store?.state.status === 'ready', 'no results');
  await until(() => deepQuery(el, '[part~="entry"]'), 'no entries drawn');
  return el;
}

const visibility = (el: WsisStocktaking) => getComputedStyle(el.shadowRoot!.querySelector('.base')!).visibility;

describe('the widget waits for its language', function () {
  this.timeout(30000);
  before(() => mockApi());

  it('keeps its results hidden until the texts of its language are in, then shows them in it', async () => {
    const waiting = heldLoader();
    const el = await mount('ru');
    try {
      expect(visibility(el)).to.equal('hidden');
      waiting.get('ru')!({ 'widget.label': 'Поиск по базе данных ВВУИО' });
      await until(() => visibility(el) === 'visible', 'still hidden after the texts arrived');
      expect(el.shadowRoot!.querySelector('.base')!.getAttribute('aria-label')).to.equal('Поиск по базе данных ВВУИО');
    } finally {
      el.remove();
    }
  });

  it('shows English when the language cannot be loaded, instead of staying hidden', async () => {
    const waiting = heldLoader();
    const warn = console.warn;
    console.warn = () => {};
    const el = await mount('zh');
    try {
      expect(visibility(el)).to.equal('hidden');
      waiting.get('zh')!(Promise.reject(new Error('offline')));
      await until(() => visibility(el) === 'visible', 'hidden for good after a failed load');
    } finally {
      console.warn = warn;
      el.remove();
    }
  });
});
