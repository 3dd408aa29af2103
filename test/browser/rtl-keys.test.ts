import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/stocktaking/define.js';
import '../../src/components/entry-list/define.js';
import '../../src/components/entry-detail/define.js';
import '../../src/components/search-box/define.js';
import '../../src/components/action-line-filter/define.js';
import '../../src/components/facet-filter/define.js';
import '../../src/components/filter-chips/define.js';
import '../../src/components/export/define.js';
import '../../src/i18n/all.js';
import { ar } from '../../src/i18n/ar.js';
import { en } from '../../src/i18n/en.js';
import { loadMatcher } from '../../src/components/search-box/suggestions.js';
import type { WsisStocktaking } from '../../src/components/stocktaking/stocktaking.js';
import { deepActive, deepQueryAll, label, until } from './helpers/dom.js';
import { API, mockApi } from './helpers/mock-api.js';

// Outside the map (covered in country-map.test.ts) the only widget that handles Left and Right is
// the search box, an APG combobox: they return visual focus to the text box and move its caret.
// Filters, chips and the pager are checkboxes and buttons that leave arrow keys to the browser.

async function widget(lang: 'en' | 'ar') {
  const el = await fixture<WsisStocktaking>(html`<wsis-stocktaking api=${API} lang=${lang}></wsis-stocktaking>`);
  await until(() => el.store?.state.status === 'ready', 'no search finished');
  await el.updateComplete;
  return el;
}

/** Every `wsis-*` part inside the widget, nested ones included. */
const parts = (el: WsisStocktaking) => deepQueryAll(el, '*').filter((e) => e.localName.startsWith('wsis-'));

describe('right-to-left keys', function () {
  this.timeout(30000);
  beforeEach(() => mockApi());

  for (const [lang, direction] of [
    ['en', 'ltr'],
    ['ar', 'rtl'],
  ] as const) {
    it(`${lang} lays every part out ${direction}`, async () => {
      const el = await widget(lang);
      const base = el.shadowRoot!.querySelector('.base')!;
      expect(base.getAttribute('dir')).to.equal(direction);
      const elements = parts(el);
      expect(elements.length).to.be.greaterThan(4);
      for (const part of elements) {
        const root = part.shadowRoot!.firstElementChild ?? part;
        expect(getComputedStyle(root).direction, `<${part.localName}>`).to.equal(direction);
      }
    });
  }

  // Home puts the caret at the start of the text (its right edge in Arabic); the key towards the
  // end of the line moves it one character on, the other back. Either key leaves the suggestions.
  const cases = [
    { lang: 'en', text: 'Arab', forward: 'ArrowRight', back: 'ArrowLeft', region: en['region.arab_states'] },
    { lang: 'ar', text: 'الدول', forward: 'ArrowLeft', back: 'ArrowRight', region: ar['region.arab_states'] },
  ] as const;
  for (const { lang, text, forward, back, region } of cases) {
    it(`${lang}: in the search box ${forward} moves the caret forward and ${back} back, leaving the options`, async () => {
      const el = await widget(lang);
      const box = el.shadowRoot!.querySelector('wsis-search-box')!;
      const input = box.shadowRoot!.querySelector<HTMLInputElement>('input')!;
      expect(getComputedStyle(input).direction).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      input.focus();
      await loadMatcher();
      await sendKeys({ type: text });
      await until(() => input.value === text, `typed ${input.value}`);
      await until(() => input.getAttribute('aria-expanded') === 'true', 'no suggestions');
      const labels = [...box.shadowRoot!.querySelectorAll('[role="option"]')].map((o) => o.textContent!.trim());
      expect(labels.some((l) => l.includes(region))).to.equal(true, `no "${region}" in ${labels.join(' | ')}`);

      const activate = async () => {
        await sendKeys({ press: 'ArrowDown' });
        await until(() => input.hasAttribute('aria-activedescendant'), 'ArrowDown chose no option');
      };
      await sendKeys({ press: 'Home' });
      expect(input.selectionStart).to.equal(0);

      // At the start, the backward key has nowhere to go.
      await activate();
      await sendKeys({ press: back });
      await box.updateComplete;
      expect(input.selectionStart).to.equal(0);
      expect(input.hasAttribute('aria-activedescendant')).to.equal(false);

      await activate();
      await sendKeys({ press: forward });
      await box.updateComplete;
      expect(input.selectionStart).to.equal(1);
      expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
      expect(input.getAttribute('aria-expanded')).to.equal('true');

      await sendKeys({ press: forward });
      expect(input.selectionStart).to.equal(2);
      await sendKeys({ press: back });
      expect(input.selectionStart).to.equal(1);
      expect(deepActive() === input).to.equal(true, `focus on ${label(deepActive())}`);
    });
  }
});
