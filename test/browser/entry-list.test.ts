import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/entry-list/define.js';
import '../../src/components/entry-detail/define.js';
import type { WsisEntryList } from '../../src/components/entry-list/entry-list.js';
import { highlightTerms } from '../../src/components/entry-list/excerpt.js';
import { excerpt, highlight } from '../../src/components/entry-list/marks.js';
import { pageWindow } from '../../src/components/entry-list/pager.js';
import { SourceError } from '../../src/data/source.js';
import '../../src/i18n/all.js';
import { ar } from '../../src/i18n/ar.js';
import { en, type Messages } from '../../src/i18n/en.js';
import { es } from '../../src/i18n/es.js';
import { fr } from '../../src/i18n/fr.js';
import { LANGS, type Lang } from '../../src/i18n/index.js';
import { ru } from '../../src/i18n/ru.js';
import { zh } from '../../src/i18n/zh.js';
import type { SearchStore } from '../../src/state/search-store.js';
import { makeEntry } from '../fixtures/entries.js';
import { absent, deepActive, same, text, until } from './helpers/dom.js';
import { stubStore, type StubSource } from './helpers/stub-source.js';

const CATALOGUES: Record<Lang, Messages> = { ar, zh, en, fr, ru, es };

const LONG = Array.from({ length: 120 }, (_, i) => (i === 70 ? 'telehealth' : `word${i}`)).join(' ');

const ENTRIES = [
  makeEntry('e1', {
    title: 'Rwanda telehealth network',
    organization: 'Ministry of Health',
    countries: ['RW', 'KE'],
    actionLines: ['C2', 'C7.e-health'],
    sdgs: [3, 9],
    startYear: 2019,
    endYear: 2023,
    status: 'completed',
    description: LONG,
    website: 'https://example.org/tele',
    prize: { year: 2021, status: 'winner' },
  }),
  makeEntry('e2', { title: 'Global open data portal', countries: [], regions: [], startYear: 2024, sdgs: [] }),
  ...Array.from({ length: 10 }, (_, i) => makeEntry(`p${i}`, { title: `Project number ${i}`, startYear: 2000 + i })),
];

interface Setup {
  el: WsisEntryList;
  store: SearchStore;
  source: StubSource;
  root: ShadowRoot;
}

async function setup({ search = true, hold = false, lang = 'en' } = {}): Promise<Setup> {
  const { store, source } = stubStore(ENTRIES);
  source.hold = hold;
  const wrapper = await fixture(
    html`<test-store-provider lang=${lang} .store=${store}><wsis-entry-list></wsis-entry-list></test-store-provider>`,
  );
  const el = wrapper.querySelector('wsis-entry-list')!;
  if (search) void store.search();
  if (search && !hold) await settle(el, store);
  return { el, store, source, root: el.shadowRoot! };
}

async function settle(el: WsisEntryList, store: SearchStore) {
  await until(() => !['idle', 'loading', 'stalled'].includes(store.state.status), 'search did not finish');
  await el.updateComplete;
}

const q = <T extends Element = HTMLElement>(root: ShadowRoot, selector: string) => root.querySelector<T>(selector)!;

describe('<wsis-entry-list>', function () {
  this.timeout(30000);
  it('has a polite status region from the first render, before any result', async () => {
    const { root, el, store, source } = await setup({ hold: true });
    const status = q(root, '[role="status"]');
    expect(status).to.exist;
    expect(status.getAttribute('aria-live')).to.equal('polite');
    source.release();
    await settle(el, store);
    same(q(root, '[role="status"]'), status, 'status region');
    expect(text(status)).to.equal('12 entries');
  });

  it('while a longer text is searched, the results on show keep the marks of the text they answer', async () => {
    const { root, el, store, source } = await setup();
    store.submit('telehealth');
    await settle(el, store);
    const marks = () => [...root.querySelectorAll('.entry mark')].map((m) => m.textContent);
    expect(marks()).to.deep.equal(['telehealth', 'telehealth']);
    const before = q(root, '.entry .excerpt mark');
    source.hold = true;
    store.setQuery('telehealthcare');
    await until(() => store.state.status === 'loading', 'the new text is not searched');
    await el.updateComplete;
    expect(q(root, '.list').classList.contains('stale')).to.equal(true);
    expect(marks(), 'marks of the answered text').to.deep.equal(['telehealth', 'telehealth']);
    same(q(root, '.entry .excerpt mark'), before, 'the marked word');
    source.release();
  });

  it('renders every result field as text with chips, badges, years and status', async () => {
    const { root } = await setup();
    const entries = [...root.querySelectorAll('.entry')];
    expect(entries.map((e) => text(e.querySelector('.open')))).to.deep.equal([
      'Global open data portal',
      'Rwanda telehealth network',
      'Project number 9',
      'Project number 8',
      'Project number 7',
    ]);
    expect(text(entries[0].querySelector('.org'))).to.equal('Example Organization');
    const global = entries.find((e) => text(e.querySelector('.open')) === 'Global open data portal')!;
    expect(text(global.querySelector('.countries'))).to.equal('International / global');
    expect(text(global.querySelector('.years'))).to.equal('Since 2024');
    expect(text(global.querySelector('.status'))).to.equal('Ongoing');
  });

  it('shows action-line chips with short ids and full names, SDG badges and an excerpt with marks', async () => {
    const { root, el, store } = await setup();
    store.submit('telehealth');
    await settle(el, store);
    const entry = q(root, '.entry');
    const chips = [...entry.querySelectorAll('.chip')];
    expect(chips.map((c) => text(c.querySelector('[aria-hidden]')))).to.deep.equal(['C2', 'C7 · E-health']);
    expect(chips[0].getAttribute('title')).to.equal('Information and communication infrastructure');
    expect(text(chips[1].querySelector('.visually-hidden'))).to.equal('C7.e-health: E-health');
    expect(entry.querySelector('.chips')!.getAttribute('aria-label')).to.equal('WSIS Action Lines');
    const badges = [...entry.querySelectorAll('.badge')];
    expect(badges.map((b) => text(b.querySelector('[aria-hidden]')))).to.deep.equal(['SDG 3', 'SDG 9']);
    expect(badges[0].getAttribute('title')).to.equal('Good health and well-being');
    expect(text(entry.querySelector('.countries'))).to.equal('Rwanda and Kenya');
    expect(text(entry.querySelector('.years'))).to.equal('2019–2023');
    expect(text(entry.querySelector('.status'))).to.equal('Completed');
    const summary = text(entry.querySelector('.excerpt'));
    expect(summary.startsWith('… ')).to.equal(true);
    expect(summary.split(' ').length).to.be.within(40, 43);
    expect([...entry.querySelectorAll('mark')].map((m) => m.textContent)).to.deep.equal(['telehealth', 'telehealth']);
    expect(text(q(root, '.summary'))).to.equal('1 entry for “telehealth”');
    await until(() => text(q(root, '[role="status"]')) === '1 entry for “telehealth”', 'the count is announced');
    await expect(el).to.be.accessible();
  });

  it('is accessible while loading, with skeletons, aria-busy and a stalled notice', async () => {
    const { store, source } = stubStore(ENTRIES, { stalledMs: 50 });
    source.hold = true;
    const wrapper = await fixture(
      html`<test-store-provider .store=${store}><wsis-entry-list></wsis-entry-list></test-store-provider>`,
    );
    const el = wrapper.querySelector('wsis-entry-list')!;
    void store.search();
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(q(root, '.list').getAttribute('aria-busy')).to.equal('true');
    expect(root.querySelectorAll('.skeleton').length).to.equal(3);
    await expect(el).to.be.accessible();
    await until(() => store.state.status === 'stalled');
    await el.updateComplete;
    expect(text(q(root, '[role="status"]'))).to.equal('This is taking longer than usual…');
    source.release();
    await settle(el, store);
    expect(q(root, '.list').getAttribute('aria-busy')).to.equal('false');
    expect(root.querySelectorAll('.skeleton').length).to.equal(0);
  });

  it('says it is searching while a new search runs, never the new query with the old count', async () => {
    const { root, el, store, source } = await setup();
    const summary = () => text(q(root, '.summary'));
    const live = () => text(q(root, '[role="status"]'));
    expect(summary()).to.equal('12 entries');
    source.hold = true;
    store.submit('project');
    await el.updateComplete;
    expect(store.state.status).to.equal('loading');
    expect(summary()).to.equal('Searching…');
    expect(live()).to.equal('Searching…');
    source.release();
    await settle(el, store);
    expect(summary()).to.equal(`${store.state.total} entries for “project”`);
    await until(() => live() === summary(), 'the count is announced once the text settles');
  });

  it('announces a filter’s count at once when the text has not changed', async () => {
    const { root, el, store } = await setup();
    store.setSort('newest');
    await settle(el, store);
    expect(text(q(root, '[role="status"]'))).to.equal('12 entries');
    store.toggleFilter('sdg', '3', true);
    await settle(el, store);
    expect(text(q(root, '[role="status"]'))).to.equal(text(q(root, '.summary')));
    expect(text(q(root, '.summary'))).to.equal(`${store.state.total} ${store.state.total === 1 ? 'entry' : 'entries'}`);
  });

  describe('entry title headings', () => {
    async function titlesIn(template: ReturnType<typeof html>) {
      const { store } = stubStore(ENTRIES);
      const wrapper = await fixture(
        html`<div>${template}<test-store-provider .store=${store}></test-store-provider></div>`,
      );
      // Moved in after the headings exist, as a widget placed in a page would be.
      const el = document.createElement('wsis-entry-list') as WsisEntryList;
      wrapper.querySelector('test-store-provider')!.append(el);
      await store.search();
      await settle(el, store);
      return { el, tags: [...el.shadowRoot!.querySelectorAll('.title')].map((h) => h.localName) };
    }

    it('continue the page outline: one level below the heading before the list', async () => {
      const below = await titlesIn(
        html`<h1>Site</h1>
          <h2>Projects</h2>`,
      );
      expect(new Set(below.tags)).to.deep.equal(new Set(['h3']));
      const { el, tags } = await titlesIn(
        html`<h1>Site</h1>
          <p>Intro</p>`,
      );
      expect(new Set(tags)).to.deep.equal(new Set(['h2']));
      await expect(el).to.be.accessible();
      expect((await titlesIn(html`<div role="heading" aria-level="4">Projects</div>`)).tags[0]).to.equal('h5');
      expect((await titlesIn(html`<h6>Deep</h6>`)).tags[0]).to.equal('h6');
    });

    it('follow heading-level when it is 2 to 6, and ignore other values', async () => {
      const { el } = await titlesIn(html`<h1>Site</h1>`);
      el.setAttribute('heading-level', '4');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.title')!.localName).to.equal('h4');
      el.setAttribute('heading-level', '9');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.title')!.localName).to.equal('h2');
    });
  });

  it('offers relevance only with a query and sorts on change', async () => {
    const { root, el, store } = await setup();
    const options = () => [...root.querySelectorAll('option')].map((o) => o.value);
    expect(options()).to.deep.equal(['newest', 'oldest', 'title']);
    expect(q<HTMLSelectElement>(root, 'select').value).to.equal('newest');
    store.submit('project');
    await settle(el, store);
    expect(options()).to.deep.equal(['relevance', 'newest', 'oldest', 'title']);
    expect(q<HTMLSelectElement>(root, 'select').value).to.equal('relevance');
    const select = q<HTMLSelectElement>(root, 'select');
    select.value = 'oldest';
    select.dispatchEvent(new Event('change'));
    expect(store.state.sort).to.equal('oldest');
    await settle(el, store);
    expect(text(q(root, '.open'))).to.equal('Project number 0');
    expect(q(root, 'label[for="sort"]')).to.exist;
  });

  it('pages with numbered buttons, marks the current page and focuses the first result', async () => {
    const { root, el, store } = await setup();
    const nav = q(root, 'nav');
    expect(nav.getAttribute('aria-label')).to.equal('Pages');
    const current = q(root, '[aria-current="page"]');
    expect(current.getAttribute('aria-label')).to.equal('Page 1');
    const page2 = [...root.querySelectorAll<HTMLButtonElement>('.page')].find(
      (b) => b.getAttribute('aria-label') === 'Page 2',
    )!;
    page2.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el, store);
    expect(store.state.page).to.equal(2);
    expect(q(root, '[aria-current="page"]').getAttribute('aria-label')).to.equal('Page 2');
    same(deepActive(), q(root, '.open[data-index="0"]'), 'focus');
    expect(text(deepActive())).to.equal(store.state.results[0].title);
  });

  it('loads more, keeps earlier results and focuses the first new one', async () => {
    const { root, el, store } = await setup();
    expect(root.querySelectorAll('.entry').length).to.equal(5);
    q(root, '.more').focus();
    await sendKeys({ press: 'Enter' });
    await settle(el, store);
    expect(root.querySelectorAll('.entry').length).to.equal(10);
    same(deepActive(), q(root, '.open[data-index="5"]'), 'focus');
  });

  it('explains an empty result, shows corrections and clears filters', async () => {
    const { root, el, store } = await setup();
    store.setFilter('sdg', ['17']);
    await settle(el, store);
    expect(store.state.status).to.equal('empty');
    expect(text(q(root, '.empty'))).to.contain('No entries match this search.');
    await expect(el).to.be.accessible();
    q(root, '.clear').click();
    expect(store.state.filters).to.deep.equal({});
    await settle(el, store);
    store.submit('telehelth');
    await settle(el, store);
    expect(text(q(root, '.corrected'))).to.equal('Showing results for “telehealth” instead of “telehelth”.');
  });

  it('shows errors in plain words with a working Retry', async () => {
    const { root, el, store, source } = await setup();
    source.failWith = new SourceError('rate_limited', 'HTTP 429');
    store.submit('network');
    await settle(el, store);
    const alert = q(root, '[role="alert"]');
    expect(text(alert)).to.contain('Too many searches at once.');
    await expect(el).to.be.accessible();
    source.failWith = undefined;
    q(root, '.retry').click();
    await settle(el, store);
    expect(store.state.status).to.equal('ready');
    absent(root.querySelector('[role="alert"]'), '[role="alert"]');
  });

  for (const lang of LANGS) {
    it(`in ${lang}, says the search service cannot be reached while online, and offline only when the browser is`, async () => {
      const { root, el, store, source } = await setup({ lang });
      source.failWith = new SourceError('network', 'down');
      store.submit('data');
      await settle(el, store);
      const online = text(q(root, '[role="alert"]'));
      expect(online).to.contain(CATALOGUES[lang]['error.network']);
      expect(online).not.to.contain(CATALOGUES[lang]['results.offline']);
      expect(q(root, '.retry').textContent!.trim()).to.equal(CATALOGUES[lang]['results.retry']);

      const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
      Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false });
      try {
        store.submit('data again');
        await settle(el, store);
      } finally {
        Object.defineProperty(Navigator.prototype, 'onLine', onLine);
      }
      expect(text(q(root, '[role="alert"]'))).to.contain(CATALOGUES[lang]['results.offline']);
      expect(q(root, '.retry')).to.exist;
    });
  }

  it('reports dropped items', async () => {
    const { root, el, store, source } = await setup({ search: false });
    const original = source.search.bind(source);
    source.search = async (params, signal) => ({ ...(await original(params, signal)), dropped: 2 });
    void store.search();
    await settle(el, store);
    expect(text(q(root, '.dropped'))).to.equal('2 entries could not be shown because of invalid data.');
  });

  it('opens the detail in a labelled modal, fires wsis-entry-open, closes on Escape and restores focus', async () => {
    const { root, el, store } = await setup();
    store.submit('telehealth');
    await settle(el, store);
    const opener = q<HTMLButtonElement>(root, '.open');
    opener.focus();
    const opened = oneEvent(el, 'wsis-entry-open');
    await sendKeys({ press: 'Enter' });
    const event = await opened;
    expect(event.detail).to.deep.equal({ id: 'e1' });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(store.state.openEntryId).to.equal('e1');
    const detail = q(root, 'wsis-entry-detail');
    await until(() => detail.shadowRoot!.querySelector('h2')?.textContent === 'Rwanda telehealth network');
    const dialog = detail.shadowRoot!.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(detail.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).to.equal(
      'Rwanda telehealth network',
    );
    const dialogText = text(dialog);
    // One label for a sub-line, as in the list.
    expect(dialogText).not.to.contain('C7.e-health');
    for (const part of [
      'Ministry of Health',
      'Government',
      'Rwanda and Kenya',
      'Africa',
      'C7 · E-health',
      'SDG 3 · Good health and well-being',
      'Completed',
      '2019–2023',
      'Winner, 2021',
      'January 1, 2024',
      'telehealth',
    ]) {
      expect(dialogText).to.contain(part);
    }
    const link = dialog.querySelector('a')!;
    expect(link.href).to.equal('https://example.org/tele');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener noreferrer nofollow');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open);
    expect(store.state.openEntryId).to.equal(undefined);
    same(deepActive(), opener, 'focus');
  });

  it('renders the entry detail (whose code the script build loads with it) only from the first opened entry', async () => {
    const { root, el, store } = await setup();
    expect(root.querySelector('wsis-entry-detail')).to.equal(null);
    store.openEntry('e2');
    await el.updateComplete;
    const detail = q(root, 'wsis-entry-detail');
    store.openEntry(undefined);
    await el.updateComplete;
    expect(q(root, 'wsis-entry-detail')).to.equal(detail);
  });

  it('offers a share link only when the store can make one', async () => {
    const { root, el, store } = await setup();
    store.openEntry('e2');
    await el.updateComplete;
    const detail = q(root, 'wsis-entry-detail');
    await until(() => detail.shadowRoot!.querySelector('h2')?.textContent === 'Global open data portal');
    absent(detail.shadowRoot!.querySelector('.share'), '.share');
    store.openEntry(undefined);
    (store as unknown as { shareUrl: (id: string) => string }).shareUrl = (id) =>
      `https://partner.example/page?st=entry%3D${id}`;
    store.openEntry('e2');
    await el.updateComplete;
    await until(() => detail.shadowRoot!.querySelector('.share a'));
    expect(detail.shadowRoot!.querySelector<HTMLAnchorElement>('.share a')!.href).to.equal(
      'https://partner.example/page?st=entry%3De2',
    );
    store.openEntry(undefined);
  });

  it('says when an entry cannot be loaded', async () => {
    const { root, el, store } = await setup();
    store.openEntry('missing');
    await el.updateComplete;
    const detail = q(root, 'wsis-entry-detail');
    await until(() => detail.shadowRoot!.querySelector('[role="alert"]'));
    expect(text(detail.shadowRoot!.querySelector('[role="alert"]'))).to.equal('This entry was not found.');
    await sendKeys({ press: 'Escape' });
    await until(() => store.state.openEntryId === undefined);
  });

  it('follows the language and direction of the page', async () => {
    const { root } = await setup({ lang: 'ar' });
    expect(q(root, '.base').getAttribute('dir')).to.equal('rtl');
  });
});

describe('excerpt and highlight', () => {
  it('splits text into marked parts without HTML', () => {
    const parts = highlight('<b>Health</b> & healthcare, wealth', ['health']);
    expect(parts).to.deep.equal([
      { text: '<b>', mark: false },
      { text: 'Health', mark: true },
      { text: '</b> & ', mark: false },
      { text: 'healthcare', mark: true },
      { text: ', wealth', mark: false },
    ]);
    expect(highlightTerms('the helth', [{ from: 'helth', to: 'health' }])).to.deep.equal(['helth', 'health']);
  });

  it('takes about 40 words around the first hit, and the start without one', () => {
    expect(excerpt(LONG, []).startsWith('word0 word1')).to.equal(true);
    const around = excerpt(LONG, ['telehealth']);
    expect(around).to.match(/^… word60 .* …$/);
    expect(around).to.contain('telehealth');
    expect(excerpt('short text', ['x'])).to.equal('short text');
    const cjk = '数'.repeat(1000);
    expect(excerpt(cjk, []).length).to.be.at.most(330);
  });

  it('shows first, last and neighbouring pages', () => {
    expect(pageWindow(1, 1)).to.deep.equal([1]);
    expect(pageWindow(5, 20)).to.deep.equal([1, 'gap', 4, 5, 6, 'gap', 20]);
    expect(pageWindow(2, 5)).to.deep.equal([1, 2, 3, 4, 5]);
  });
});
