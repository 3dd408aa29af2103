import { expect, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/components/search-box/define.js';
import '../../src/i18n/all.js';
import { ar } from '../../src/i18n/ar.js';
import { en, type Messages } from '../../src/i18n/en.js';
import { es } from '../../src/i18n/es.js';
import { fr } from '../../src/i18n/fr.js';
import { LANGS, type Lang } from '../../src/i18n/index.js';
import { ru } from '../../src/i18n/ru.js';
import { zh } from '../../src/i18n/zh.js';
import type { WsisSearchBox } from '../../src/components/search-box/search-box.js';
import { isJustTheTerm } from '../../src/components/search-box/fuzzy.js';
import { loadMatcherFactory } from '../../src/components/search-box/load-matcher.js';
import type { MatcherFactory } from '../../src/components/search-box/matcher.js';
import {
  loadMatcher,
  setMatcherLoader,
  SuggestionIndex,
  type Suggestion,
} from '../../src/components/search-box/suggestions.js';
import { afterPaint } from '../../src/state/context.js';
import { $, $$, mount, settled } from './filter-helpers/mount.js';

const CATALOGUES: Record<Lang, Messages> = { ar, zh, en, fr, ru, es };

const setup = (lang = 'en', debounceMs = 10) =>
  mount<WsisSearchBox>(html`<wsis-search-box></wsis-search-box>`, { lang, debounceMs });
const input = (el: WsisSearchBox) => $<HTMLInputElement>(el, 'input');
const options = (el: WsisSearchBox) => $$(el, '[role="option"]');

/** Types once the lazily loaded matcher is there (or has failed); suggestions follow once the keys have painted. */
async function type(el: WsisSearchBox, text: string) {
  input(el).focus();
  await loadMatcher().catch(() => undefined);
  await sendKeys({ type: text });
  await afterPaint();
  await el.updateComplete;
}

/** Empties the box as a visitor would; a bare `value = ''` is undone by any re-render in between. */
function clear(el: WsisSearchBox) {
  input(el).value = '';
  input(el).dispatchEvent(new Event('input'));
}

async function press(el: WsisSearchBox, key: string) {
  await sendKeys({ press: key });
  await el.updateComplete;
}

describe('<wsis-search-box>', () => {
  afterEach(() => setMatcherLoader());

  it('is a labelled combobox that controls a listbox in the same shadow root', async () => {
    const { el } = await setup();
    const box = input(el);
    expect(box.getAttribute('role')).to.equal('combobox');
    expect(box.getAttribute('aria-autocomplete')).to.equal('list');
    expect(box.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.getElementById(box.getAttribute('aria-controls')!)?.getAttribute('role')).to.equal('listbox');
    expect($(el, 'label').textContent!.trim()).to.equal('Search projects');
    expect(box.labels?.[0]).to.equal($(el, 'label'));
    expect($(el, '[part="label"]')).to.exist;
  });

  it('searches after typing, through the store', async () => {
    const { el, store } = await setup();
    await type(el, 'health');
    expect(store.state.query).to.equal('health');
    await settled(store, el);
    expect(store.params().q).to.equal('health');
  });

  it('suggests countries by name with the kind in the accessible name, and applies the filter', async () => {
    const { el, store } = await setup();
    await type(el, 'tunis');
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    const tunisia = options(el).find((o) => o.getAttribute('aria-label') === 'Tunisia, Country');
    expect(tunisia, 'Tunisia suggested').to.exist;
    // Arrow down until Tunisia is active, then choose it.
    for (let i = 0; i < options(el).length && input(el).getAttribute('aria-activedescendant') !== tunisia!.id; i++) {
      await press(el, 'ArrowDown');
    }
    expect(tunisia!.getAttribute('aria-selected')).to.equal('true');
    await press(el, 'Enter');
    expect(store.state.filters.country).to.deep.equal(['TN']);
    expect(input(el).value, 'the typed text was just the term').to.equal('');
    expect(store.state.query).to.equal('');
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    await settled(store, el);
    expect(store.params().filters.country).to.deep.equal(['TN']);
  });

  it('matches countries by ISO code and English name, and organizations from the facets', async () => {
    const { el } = await setup('fr');
    await type(el, 'Tunisia');
    expect(options(el).some((o) => o.getAttribute('aria-label')?.startsWith('Tunisie'))).to.equal(true);
    clear(el);
    await type(el, 'TN');
    expect(options(el).some((o) => o.getAttribute('aria-label')?.startsWith('Tunisie'))).to.equal(true);
    clear(el);
    await type(el, 'world ban');
    expect(options(el).map((o) => o.textContent!.trim())).to.include('World Bank');
  });

  it('adds names seen in later answers to the index, without building it again', async () => {
    const factory = await loadMatcherFactory();
    let builds = 0;
    const index = new SuggestionIndex();
    index.factory = { ...factory, createMatcher: (docs) => (builds++, factory.createMatcher(docs)) };
    const first = { organization: { 'World Bank': 3 }, country: { KE: 2 } };
    expect(index.search('bank', 'en', first, []).map((s) => s.label)).to.include('World Bank');
    const later = { organization: { 'Banco Andino de Fomento': 1 }, country: { TN: 1 } };
    expect(index.search('banco andino', 'en', later, []).map((s) => s.label)).to.include('Banco Andino de Fomento');
    expect(index.search('tunisia', 'en', later, []).map((s) => s.label)).to.include('Tunisia');
    expect(builds, 'index builds').to.equal(1);
    // Another language is another index.
    expect(index.search('tunisie', 'fr', later, []).map((s) => s.label)).to.include('Tunisie');
    expect(builds, 'index builds').to.equal(2);
  });

  it('suggests action lines, C7 sub-lines and SDGs by translated name', async () => {
    const { el, store } = await setup();
    await type(el, 'capacity');
    const c4 = options(el).find((o) => o.getAttribute('aria-label') === 'C4 · Capacity building, Action line');
    expect(c4).to.exist;
    c4!.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true, composed: true }));
    c4!.click();
    await el.updateComplete;
    expect(store.state.filters.actionLine).to.deep.equal(['C4']);
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
    await type(el, 'e-health');
    expect(options(el).some((o) => o.getAttribute('aria-label') === 'C7 · E-health, Action line')).to.equal(true);
    clear(el);
    await type(el, 'good health');
    expect(options(el).some((o) => o.textContent!.includes('SDG 3 · Good health and well-being'))).to.equal(true);
    expect($$(el, '[role="group"]').length).to.be.greaterThan(0);
  });

  it('suggests nothing outside the scope', async () => {
    const { el } = await mount<WsisSearchBox>(html`<wsis-search-box></wsis-search-box>`, {
      debounceMs: 10,
      scope: { actionLine: ['C7'], region: ['arab_states'] },
    });
    await type(el, 'capacity');
    expect(options(el).map((o) => o.getAttribute('aria-label'))).not.to.include('C4 · Capacity building, Action line');
    clear(el);
    await type(el, 'e-health');
    expect(options(el).map((o) => o.getAttribute('aria-label'))).to.include('C7 · E-health, Action line');
    clear(el);
    await type(el, 'africa');
    const labels = options(el).map((o) => o.getAttribute('aria-label') ?? '');
    expect(labels.filter((l) => l.endsWith('Region'))).to.deep.equal([]);
    clear(el);
    await type(el, 'arab');
    expect(
      options(el)
        .map((o) => o.getAttribute('aria-label') ?? '')
        .filter((l) => l.endsWith('Region')),
    ).to.have.length(1);
  });

  for (const lang of LANGS) {
    it(`shows its whole ${lang} placeholder on a 375 px phone`, async () => {
      await setViewport({ width: 375, height: 700 });
      // A demo page's 16 px padding on each side.
      const { el } = await mount<HTMLDivElement>(
        html`<div style="width: 343px"><wsis-search-box></wsis-search-box></div>`,
        { lang },
      );
      const searchBox = el.querySelector('wsis-search-box')!;
      await searchBox.updateComplete;
      const box = input(searchBox);
      expect(box.placeholder).to.equal(CATALOGUES[lang]['search.placeholder']);
      // The placeholder as text: the field scrolls sideways only if it does not fit.
      box.value = box.placeholder;
      expect(box.scrollWidth, `${lang}: "${box.placeholder}"`).to.be.at.most(box.clientWidth);
      box.value = '';
    });
  }

  it('caps suggestions and announces their number politely', async () => {
    const { el } = await setup();
    await type(el, 'ministry');
    expect(options(el).length).to.be.within(1, 8);
    const status = $(el, '[role="status"]');
    expect(status.textContent!.trim()).to.equal(`${options(el).length} suggestions available`);
  });

  it('moves through options with Down/Up, wrapping, and leaves the listbox with Escape', async () => {
    const { el } = await setup();
    await type(el, 'ministry');
    const n = options(el).length;
    expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);
    await press(el, 'ArrowDown');
    expect(input(el).getAttribute('aria-activedescendant')).to.equal('option-0');
    await press(el, 'ArrowUp');
    expect(input(el).getAttribute('aria-activedescendant')).to.equal(`option-${n - 1}`);
    await press(el, 'ArrowDown');
    expect(input(el).getAttribute('aria-activedescendant')).to.equal('option-0');
    await press(el, 'Escape');
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(input(el).value).to.equal('ministry');
    await press(el, 'Escape');
    expect(input(el).value).to.equal('');
  });

  it('opens with Alt+Down without choosing, and Home/End act on the text', async () => {
    const { el } = await setup();
    await type(el, 'ministry');
    await press(el, 'Escape');
    // Held separately: Puppeteer's Firefox does not know combined names such as Alt+ArrowDown.
    await sendKeys({ down: 'Alt' });
    await press(el, 'ArrowDown');
    await sendKeys({ up: 'Alt' });
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);
    await press(el, 'ArrowDown');
    await press(el, 'Home');
    expect(input(el).hasAttribute('aria-activedescendant')).to.equal(false);
    expect(input(el).selectionStart).to.equal(0);
    await press(el, 'End');
    expect(input(el).selectionStart).to.equal('ministry'.length);
  });

  it('searches at once on Enter and remembers the search in memory only', async () => {
    // A long pause: only Enter can have searched.
    const { el, store, source } = await setup('en', 60000);
    const stored = localStorage.length + sessionStorage.length;
    const cookies = document.cookie;
    await type(el, 'telemedicine');
    const calls = source.calls.length;
    await press(el, 'Enter');
    expect(source.calls.length).to.equal(calls + 1);
    expect(source.calls.at(-1)!.q).to.equal('telemedicine');
    expect(store.state.query).to.equal('telemedicine');
    // Clear, then Down on the empty box offers the recent search.
    $(el, '[part="clear-button"]').click();
    await el.updateComplete;
    await press(el, 'ArrowDown');
    const recent = options(el);
    expect(recent.map((o) => o.getAttribute('aria-label'))).to.deep.equal(['telemedicine, Recent']);
    await press(el, 'Enter');
    expect(input(el).value).to.equal('telemedicine');
    expect(store.state.query).to.equal('telemedicine');
    expect(localStorage.length + sessionStorage.length).to.equal(stored);
    expect(document.cookie).to.equal(cookies);
  });

  it('clears with the clear button, runs an empty search and keeps focus in the box', async () => {
    const { el, store, source } = await setup();
    await type(el, 'health');
    const clear = $<HTMLButtonElement>(el, '[part="clear-button"]');
    expect(clear.hidden).to.equal(false);
    expect(clear.getAttribute('aria-label')).to.equal('Clear search');
    clear.click();
    await el.updateComplete;
    expect(input(el).value).to.equal('');
    expect(store.state.query).to.equal('');
    expect(source.calls.at(-1)!.q).to.equal('');
    expect(el.shadowRoot!.activeElement).to.equal(input(el));
    expect(clear.hidden).to.equal(true);
  });

  it('follows the store when something else sets the query', async () => {
    const { el, store } = await setup();
    store.restore({ query: 'archives' });
    await el.updateComplete;
    expect(input(el).value).to.equal('archives');
  });

  it('keeps Up/Down unmirrored in right-to-left languages', async () => {
    const { el } = await setup('ar');
    expect($(el, '[part="base"]').getAttribute('dir')).to.equal('rtl');
    await type(el, 'ministry');
    await press(el, 'ArrowDown');
    expect(input(el).getAttribute('aria-activedescendant')).to.equal('option-0');
  });

  it('is accessible with the listbox open', async () => {
    const { el } = await setup();
    await type(el, 'ministry');
    await press(el, 'ArrowDown');
    expect($(el, '[role="listbox"]').hidden).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('tells whether the typed text was only the term', () => {
    const rwanda: Suggestion = {
      kind: 'country',
      key: 'country',
      value: 'RW',
      label: 'Rwanda',
      terms: ['RW', 'Rwanda'],
    };
    const health: Suggestion = {
      kind: 'actionLine',
      key: 'actionLine',
      value: 'C7.e-health',
      label: 'C7 · E-health',
      terms: [],
    };
    expect(isJustTheTerm('rwan', rwanda)).to.equal(true);
    expect(isJustTheTerm('Rwanda', rwanda)).to.equal(true);
    expect(isJustTheTerm('rwnda', rwanda)).to.equal(true);
    expect(isJustTheTerm('helth', health)).to.equal(true);
    expect(isJustTheTerm('mobile money rwanda', rwanda)).to.equal(false);
  });
  it('loads the matcher on first focus, not before', async () => {
    let loads = 0;
    setMatcherLoader(() => {
      loads++;
      return loadMatcherFactory();
    });
    const { el } = await setup();
    expect(loads).to.equal(0);
    input(el).focus();
    input(el).blur();
    input(el).focus();
    await sendKeys({ type: 'he' });
    expect(loads).to.equal(1);
  });

  it('matches after the key has painted, not in the key handler, and only for the newest text', async () => {
    const matched: string[] = [];
    setMatcherLoader(async () => {
      const factory = await loadMatcherFactory();
      return {
        ...factory,
        createMatcher(docs) {
          const matcher = factory.createMatcher(docs);
          return Object.assign((query: string, limit: number) => (matched.push(query), matcher(query, limit)), {
            add: matcher.add,
          });
        },
      };
    });
    const { el } = await setup();
    input(el).focus();
    await loadMatcher();
    for (const text of ['tu', 'tun', 'tuni']) {
      input(el).value = text;
      input(el).dispatchEvent(new Event('input'));
    }
    expect(matched).to.deep.equal([]);
    await afterPaint();
    await el.updateComplete;
    expect(matched[0]).to.equal('tuni');
    expect(matched.filter((q) => q !== 'tuni')).to.deep.equal([]);
    expect(options(el).map((o) => o.getAttribute('aria-label'))).to.include('Tunisia, Country');
  });

  it('still searches, and submits on Enter, when the matcher fails to load', async () => {
    setMatcherLoader(() => Promise.reject(new Error('blocked by CSP')));
    const { el, store, source } = await setup('en', 60000);
    await type(el, 'tunis');
    expect(store.state.query).to.equal('tunis');
    expect(options(el)).to.have.length(0);
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    const calls = source.calls.length;
    await press(el, 'Enter');
    expect(source.calls.length).to.equal(calls + 1);
    expect(source.calls.at(-1)!.q).to.equal('tunis');
  });

  it('shows suggestions for the typed text once the matcher arrives', async () => {
    let arrive!: (factory: MatcherFactory) => void;
    setMatcherLoader(() => new Promise((resolve) => (arrive = resolve)));
    const { el, store } = await setup();
    input(el).focus();
    await sendKeys({ type: 'tunis' });
    await el.updateComplete;
    expect(store.state.query).to.equal('tunis');
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    arrive(await loadMatcherFactory());
    await loadMatcher();
    await el.updateComplete;
    expect(input(el).getAttribute('aria-expanded')).to.equal('true');
    expect(options(el).map((o) => o.getAttribute('aria-label'))).to.include('Tunisia, Country');
  });

  it('does not open the list after a search was submitted while the matcher was loading', async () => {
    let arrive!: (factory: MatcherFactory) => void;
    setMatcherLoader(() => new Promise((resolve) => (arrive = resolve)));
    const { el } = await setup();
    input(el).focus();
    await sendKeys({ type: 'tunis' });
    await press(el, 'Enter');
    arrive(await loadMatcherFactory());
    await loadMatcher();
    await el.updateComplete;
    expect(input(el).getAttribute('aria-expanded')).to.equal('false');
    expect(input(el).value).to.equal('tunis');
  });

  it('imports the fuzzy matcher as a module: no script element, no page global', async () => {
    const globals = Object.getOwnPropertyNames(globalThis).length + Object.getOwnPropertySymbols(globalThis).length;
    const scripts = document.scripts.length;
    const factory = await loadMatcherFactory();
    const match = factory.createMatcher([
      { kind: 'country', key: 'country', value: 'TN', label: 'Tunisia', terms: ['TN'] },
    ]);
    expect(match('tunsia', 8).map((s) => s.value)).to.deep.equal(['TN']);
    expect(document.scripts.length).to.equal(scripts);
    expect(Object.getOwnPropertyNames(globalThis).length + Object.getOwnPropertySymbols(globalThis).length).to.equal(
      globals,
    );
  });
});
