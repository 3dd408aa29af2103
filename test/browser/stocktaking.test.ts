import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/components/stocktaking/define.js';
import '../../src/components/entry-list/define.js';
import '../../src/components/entry-detail/define.js';
import '../../src/components/search-box/define.js';
import '../../src/components/action-line-filter/define.js';
import '../../src/components/facet-filter/define.js';
import '../../src/components/filter-chips/define.js';
import '../../src/i18n/all.js';
import { ar } from '../../src/i18n/ar.js';
import { splitList } from '../../src/components/stocktaking/config.js';
import type { WsisStocktaking } from '../../src/components/stocktaking/stocktaking.js';
import { makeEntry } from '../fixtures/entries.js';
import { absent, deepQuery, deepQueryAll, found, text, until } from './helpers/dom.js';
import { API, failSearches, holdSearches, mockApi, requests } from './helpers/mock-api.js';

/** Collects console.error calls while `run` is in progress. */
async function consoleErrors(run: () => Promise<void>): Promise<string[]> {
  const calls: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => calls.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.error = original;
  }
  return calls;
}

const ready = (el: WsisStocktaking) =>
  until(() => el.store && ['ready', 'empty', 'error', 'offline'].includes(el.store.state.status), 'no search finished');

async function widget(template = html`<wsis-stocktaking api=${API}></wsis-stocktaking>`) {
  const el = await fixture<WsisStocktaking>(template);
  await ready(el);
  await el.updateComplete;
  return el;
}

describe('<wsis-stocktaking>', function () {
  // Firefox throttles timers in a background tab when test files run side by side.
  this.timeout(30000);
  beforeEach(() => mockApi());

  describe('configuration', () => {
    const cases: [string, ReturnType<typeof html>, string, string][] = [
      [
        'both api and src',
        html`<wsis-stocktaking api="/a" src="/b.json"></wsis-stocktaking>`,
        'both "api" and "src"',
        'not both',
      ],
      ['neither', html`<wsis-stocktaking></wsis-stocktaking>`, 'has no data source', 'set "api"'],
      [
        'a bad page-size',
        html`<wsis-stocktaking api="/a" page-size="500"></wsis-stocktaking>`,
        '"page-size" has a value that cannot be used: 500',
        '1 to 100',
      ],
      [
        'a bad scope value',
        html`<wsis-stocktaking api="/a" scope-sdg="3,18"></wsis-stocktaking>`,
        '"scope-sdg" has a value that cannot be used: 18',
        '1 to 17',
      ],
      [
        'an unknown country',
        html`<wsis-stocktaking api="/a" scope-country="rw,XX"></wsis-stocktaking>`,
        '"scope-country" has a value that cannot be used: XX',
        'ISO 3166-1',
      ],
      [
        'an unusable URL',
        html`<wsis-stocktaking api="javascript:alert(1)"></wsis-stocktaking>`,
        '"api" has a value that cannot be used',
        'http: or https:',
      ],
      [
        'an unparsable URL',
        html`<wsis-stocktaking api="http://[bad"></wsis-stocktaking>`,
        '"api" has a value that cannot be used',
        'http: or https:',
      ],
    ];
    for (const [name, template, shown, logged] of cases) {
      it(`explains ${name} in the widget and once in the console`, async () => {
        let el!: WsisStocktaking;
        const errors = await consoleErrors(async () => {
          el = await fixture<WsisStocktaking>(template);
          el.requestUpdate();
          await el.updateComplete;
        });
        const alert = el.shadowRoot!.querySelector('[role="alert"]');
        expect(text(alert)).to.contain(shown);
        expect(errors).to.have.length(1);
        expect(errors[0]).to.contain('<wsis-stocktaking>').and.contain(logged);
        expect(el.store).to.equal(undefined);
        expect(requests).to.have.length(0);
        await expect(el).to.be.accessible();
      });
    }

    it('fires wsis-error for a config error and recovers when fixed', async () => {
      const el = document.createElement('wsis-stocktaking');
      const event = oneEvent(el, 'wsis-error');
      await consoleErrors(async () => {
        document.body.append(el);
        const { detail } = await event;
        expect(detail.code).to.equal('config');
        expect(detail.message).to.contain('"api"');
      });
      el.api = API;
      await ready(el);
      await el.updateComplete;
      absent(el.shadowRoot!.querySelector('[role="alert"]'), '[role="alert"]');
      expect(el.shadowRoot!.querySelector('wsis-entry-list')).to.exist;
      el.remove();
    });

    it('splits comma lists, with \\, for a comma inside a name', () => {
      expect(splitList('a, b ,,c')).to.deep.equal(['a', 'b', 'c']);
      expect(splitList('Ministry of ICT\\, Rwanda,ITU')).to.deep.equal(['Ministry of ICT, Rwanda', 'ITU']);
      expect(splitList('back\\\\slash')).to.deep.equal(['back\\slash']);
    });
  });

  it('searches newest entries on connect and fires wsis-search', async () => {
    const el = document.createElement('wsis-stocktaking');
    el.api = API;
    const event = oneEvent(el, 'wsis-search');
    document.body.append(el);
    const { detail, bubbles, composed } = await event;
    expect(detail).to.deep.equal({ query: '', filters: {}, total: 60 });
    expect(bubbles && composed).to.equal(true);
    const url = requests[0];
    expect(url.searchParams.has('q')).to.equal(false);
    expect(url.searchParams.get('sort')).to.equal(null);
    el.remove();
  });

  it('renders the default layout with search, filters, map and list', async () => {
    const el = await widget();
    const root = el.shadowRoot!;
    expect(root.querySelector('wsis-search-box')).to.exist;
    expect(root.querySelector('details.filters > summary')!.textContent).to.equal('Filters');
    expect(root.querySelector('details wsis-action-line-filter')).to.exist;
    const facets = [...root.querySelectorAll('details wsis-facet-filter')].map((f) => f.getAttribute('facet'));
    expect(facets).to.deep.equal(['sdg', 'region', 'entityType', 'status', 'year', 'organization']);
    expect(root.querySelector('wsis-entry-list')).to.exist;
    // Always placed; the script build loads its code when it comes near the viewport.
    expect(root.querySelector('details.map wsis-country-map')).to.exist;
    absent(root.querySelector('slot'), 'slot');
    const first = await found(el, 'wsis-entry-list');
    await until(() => first.shadowRoot!.querySelectorAll('.entry').length === 20);
  });

  it('shows the export in the default layout, upgraded once its script arrives', async () => {
    const el = await widget();
    const placed = el.shadowRoot!.querySelector('.results > wsis-export');
    expect(placed, 'wsis-export in the results column').to.exist;
    expect(placed!.getAttribute('lang')).to.equal('en');
    // The export comes with the extras; this file has not loaded it yet, so the tag waits.
    expect(customElements.get('wsis-export')).to.equal(undefined);
    await import('../../src/components/export/define.js');
    const exporter = await found(el, 'wsis-export');
    await until(() => exporter.shadowRoot!.querySelectorAll('[part~="button"]').length === 2, 'no export buttons');
  });

  it('reflects theme', async () => {
    const el = await widget();
    el.theme = 'dark';
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('dark');
  });

  it('adapts to its own width: filters beside the list when wide, a disclosure when narrow', async () => {
    await setViewport({ width: 1280, height: 900 });
    const wrapper = await fixture<HTMLDivElement>(html`<div><wsis-stocktaking api=${API}></wsis-stocktaking></div>`);
    const el = wrapper.querySelector('wsis-stocktaking')!;
    await ready(el);
    await el.updateComplete;
    const root = el.shadowRoot!;
    const summary = root.querySelector('details.filters > summary')!;
    const filters = root.querySelector('.filter-list')!;
    const list = root.querySelector('wsis-entry-list')!;
    expect(getComputedStyle(summary).display).to.equal('none');
    expect(filters.getBoundingClientRect().height).to.be.above(0);
    expect(filters.getBoundingClientRect().right).to.be.at.most(list.getBoundingClientRect().left);
    // Narrow container in a wide viewport: the container query follows the widget.
    wrapper.style.width = '320px';
    // The panel closes in the frame after the widget's new width is reported, however slow frames are.
    await until(
      () => !root.querySelector<HTMLDetailsElement>('details.filters')!.open,
      'the filters stayed open in a narrow container',
    );
    expect(getComputedStyle(summary).display).to.not.equal('none');
    expect(filters.checkVisibility()).to.equal(false);
    expect(list.getBoundingClientRect().top).to.be.above(summary.getBoundingClientRect().bottom);
    await setViewport({ width: 320, height: 640 });
    wrapper.style.width = '';
    await aTimeout(50);
    const entryList = await found(el, 'wsis-entry-list');
    await until(() => entryList.shadowRoot!.querySelector('.entry'));
    for (const node of [document.documentElement, ...deepQueryAll(el, '*')]) {
      if (
        node.scrollWidth > node.clientWidth + 1 &&
        getComputedStyle(node).overflowX !== 'hidden' &&
        node.clientWidth > 0
      ) {
        expect.fail(
          `${node.localName}.${node.className} scrolls sideways at 320 px (${node.scrollWidth} > ${node.clientWidth})`,
        );
      }
    }
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    await setViewport({ width: 800, height: 600 });
  });

  it('renders only a slot for custom layouts and provides the search to its children', async () => {
    const el = await widget(
      html`<wsis-stocktaking api=${API}
        ><h2>Projects</h2>
        <wsis-entry-list></wsis-entry-list
      ></wsis-stocktaking>`,
    );
    const root = el.shadowRoot!;
    expect(root.querySelector('slot')).to.exist;
    absent(root.querySelector('wsis-search-box'), 'wsis-search-box');
    const list = el.querySelector('wsis-entry-list')!;
    await until(() => list.shadowRoot!.querySelectorAll('.entry').length === 20);
  });

  it('links elements elsewhere on the page with for=, and hands them a new store when api changes', async () => {
    const wrapper = await fixture(
      html`<div>
        <wsis-entry-list for="linked"></wsis-entry-list>
        <wsis-stocktaking id="linked" api=${API}><wsis-search-box></wsis-search-box></wsis-stocktaking>
      </div>`,
    );
    const el = wrapper.querySelector('wsis-stocktaking')!;
    const list = wrapper.querySelector('wsis-entry-list')!;
    await ready(el);
    await until(() => list.shadowRoot!.querySelectorAll('.entry').length === 20);
    const first = el.store!;
    el.api = `${API}/`;
    await el.updateComplete;
    expect(el.store).to.not.equal(first);
    expect(first.state.status).to.not.equal('loading');
    await ready(el);
    await until(() => list.shadowRoot!.querySelectorAll('.entry').length === 20);
    el.setAttribute('page-size', '5');
    await ready(el);
    await until(() => list.shadowRoot!.querySelectorAll('.entry').length === 5);
    expect(requests.at(-1)!.searchParams.get('pageSize')).to.equal('5');
  });

  it('keeps the visitor search when moved in the page', async () => {
    const el = await widget();
    el.store!.submit('health');
    await ready(el);
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await ready(el);
    expect(el.store!.state.query).to.equal('health');
  });

  it('titles entries one level below the page heading before it, or at heading-level', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div>
        <h1>Partner</h1>
        <wsis-stocktaking api=${API}></wsis-stocktaking>
      </div>`,
    );
    const el = wrapper.querySelector('wsis-stocktaking')!;
    await ready(el);
    const list = await found(el, 'wsis-entry-list');
    await until(() => list.shadowRoot!.querySelector('.title'), 'no entries drawn');
    expect(list.shadowRoot!.querySelector('.title')!.localName).to.equal('h2');
    el.setAttribute('heading-level', '4');
    await el.updateComplete;
    await (list as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(list.shadowRoot!.querySelector('.title')!.localName).to.equal('h4');
  });

  it('sets the language and direction on its content', async () => {
    const el = await widget(html`<wsis-stocktaking api=${API} lang="ar"></wsis-stocktaking>`);
    const base = el.shadowRoot!.querySelector('.base')!;
    expect(base.getAttribute('dir')).to.equal('rtl');
    expect(base.getAttribute('lang')).to.equal('ar');
    const list = el.shadowRoot!.querySelector('wsis-entry-list')!;
    await list.updateComplete;
    expect(list.shadowRoot!.querySelector('.base')!.getAttribute('dir')).to.equal('rtl');
    el.lang = 'fr';
    await el.updateComplete;
    expect(base.getAttribute('dir')).to.equal('ltr');
    await list.updateComplete;
    expect(list.shadowRoot!.querySelector('.base')!.getAttribute('dir')).to.equal('ltr');
  });

  it('passes a language set later to every part', async () => {
    const el = await widget();
    const box = el.shadowRoot!.querySelector('wsis-search-box')!;
    expect(box.shadowRoot!.querySelector('.base')!.getAttribute('dir')).to.equal('ltr');
    el.lang = 'ar';
    await el.updateComplete;
    await box.updateComplete;
    expect(box.shadowRoot!.querySelector('.base')!.getAttribute('dir')).to.equal('rtl');
    expect(text(el.shadowRoot!.querySelector('details.filters > summary'))).to.equal(ar['filters.label']);
  });

  it('fires wsis-error when a search fails', async () => {
    const el = await widget();
    const worker = await mockApi();
    worker.use(failSearches(400, 'invalid_parameter'));
    const event = oneEvent(el, 'wsis-error');
    el.store!.submit('x');
    const { detail } = await event;
    expect(detail.code).to.equal('invalid_parameter');
  });

  describe('scope', () => {
    it('sends the scope with every request and no control removes it', async () => {
      await mockApi([
        ...Array.from({ length: 30 }, (_, i) => makeEntry(`itu${i}`, { organization: 'ITU', sdgs: [i % 2 ? 3 : 4] })),
        makeEntry('other', { organization: 'Other org' }),
      ]);
      const el = await widget(
        html`<wsis-stocktaking api=${API} scope-organization="ITU" page-size="10"></wsis-stocktaking>`,
      );
      const list = el.shadowRoot!.querySelector('wsis-entry-list')!;
      await until(() => list.shadowRoot!.querySelectorAll('.entry').length === 10);
      // Try every way a visitor could widen the search; the request must keep the scope each time.
      const scoped = () => expect(el.store!.params().filters.organization).to.deep.equal(['ITU']);
      el.store!.toggleFilter('sdg', '3', true);
      await ready(el);
      scoped();
      const chips = await found(el, 'wsis-filter-chips');
      await until(() => chips.shadowRoot!.querySelector('.clear-all'));
      expect(chips.shadowRoot!.querySelector('.fixed')).to.exist;
      absent(chips.shadowRoot!.querySelector('.fixed .remove'), '.fixed .remove');
      chips.shadowRoot!.querySelector<HTMLButtonElement>('.clear-all')!.click();
      await ready(el);
      scoped();
      el.store!.setFilter('organization', ['Other org']);
      await ready(el);
      scoped();
      el.store!.clearFilters();
      await ready(el);
      scoped();
      const orgFilter = [...el.shadowRoot!.querySelectorAll('wsis-facet-filter')].find(
        (f) => f.getAttribute('facet') === 'organization',
      )!;
      const box = [...orgFilter.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find(
        (b) => b.value === 'ITU',
      );
      expect(box?.checked && box.disabled).to.equal(true);
      await until(() => list.shadowRoot!.querySelector('.more'));
      list.shadowRoot!.querySelector<HTMLButtonElement>('.more')!.click();
      await ready(el);
      el.store!.submit('project');
      await ready(el);
      scoped();
      // Repeated searches come from the source's cache, so there are fewer requests than actions.
      expect(requests.length).to.be.at.least(4);
      for (const url of requests) expect(url.searchParams.getAll('organization'), url.search).to.deep.equal(['ITU']);
      expect(el.store!.state.total).to.equal(30);
    });

    it('reads organization names with escaped commas', async () => {
      const el = await widget(
        html`<wsis-stocktaking api=${API} scope-organization="Ministry of ICT\\, Rwanda, ITU"></wsis-stocktaking>`,
      );
      expect(requests[0].searchParams.getAll('organization')).to.deep.equal(['ITU', 'Ministry of ICT, Rwanda']);
      expect(el.store!.state.scope.organization).to.deep.equal(['ITU', 'Ministry of ICT, Rwanda']);
    });

    it('applies a changed scope without replacing the store', async () => {
      const el = await widget(html`<wsis-stocktaking api=${API} scope-region="africa"></wsis-stocktaking>`);
      const store = el.store;
      el.setAttribute('scope-region', 'europe,cis');
      await el.updateComplete;
      await ready(el);
      expect(el.store).to.equal(store);
      expect(requests.at(-1)!.searchParams.getAll('region')).to.deep.equal(['cis', 'europe']);
    });
  });

  it('is accessible in every state: loading, results, empty, error and detail open', async function () {
    this.timeout(30000);
    const release = holdSearches();
    const el = await fixture<WsisStocktaking>(html`<wsis-stocktaking api=${API}></wsis-stocktaking>`);
    const list = await found(el, 'wsis-entry-list');
    await until(() => list.shadowRoot!.querySelector('.skeleton'));
    await expect(el).to.be.accessible();
    release();
    await ready(el);
    await until(() => list.shadowRoot!.querySelector('.entry'));
    await expect(el).to.be.accessible();

    el.store!.setFilter('sdg', ['17']);
    el.store!.submit('zzzzqqq');
    await ready(el);
    await until(() => list.shadowRoot!.querySelector('.empty'));
    await expect(el).to.be.accessible();

    const worker = await mockApi();
    worker.use(failSearches(400, 'invalid_parameter'));
    el.store!.submit('broken');
    await until(() => list.shadowRoot!.querySelector('[role="alert"]'));
    expect(text(list.shadowRoot!.querySelector('[role="alert"]'))).to.contain('did not accept this search');
    await expect(el).to.be.accessible();

    worker.resetHandlers();
    list.shadowRoot!.querySelector<HTMLButtonElement>('.retry')!.click();
    await ready(el);
    el.store!.clearFilters();
    el.store!.submit('');
    await ready(el);
    await until(() => list.shadowRoot!.querySelector('.entry .open'));
    // Opening by keyboard is covered in entry-list and keyboard-flow tests.
    list.shadowRoot!.querySelector<HTMLButtonElement>('.entry .open')!.click();
    const dialog = await found<HTMLDialogElement>(el, 'dialog[open]');
    await until(() => dialog.querySelector('dl'));
    await expect(el).to.be.accessible();
    el.store!.openEntry(undefined);
    await until(() => !dialog.open);
  });

  it('the built script registers the elements and can be loaded twice without errors', async () => {
    const head = await fetch('/dist/wsis-stocktaking.js', { method: 'HEAD' });
    expect(head.ok, 'dist/wsis-stocktaking.js is missing: run `npx vite build` first').to.equal(true);
    const frame = document.createElement('iframe');
    frame.srcdoc = `<!doctype html><html><body>
      <script>window.errors = []; addEventListener('error', (e) => errors.push(e.message));</script>
      <wsis-stocktaking></wsis-stocktaking>
      <wsis-facet-filter facet="sdg"></wsis-facet-filter>
      <script src="/dist/wsis-stocktaking.js"></script>
      <script src="/dist/wsis-stocktaking.js?again"></script>
      </body></html>`;
    const loaded = oneEvent(frame, 'load');
    document.body.append(frame);
    await loaded;
    try {
      const win = frame.contentWindow as Window & { errors: string[] };
      // The stub imports the module entry; the filter on the page then loads its own chunk.
      for (const tag of ['wsis-stocktaking', 'wsis-entry-list', 'wsis-search-box', 'wsis-facet-filter']) {
        await until(() => win.customElements.get(tag), `${tag} was never defined`);
      }
      expect(win.errors).to.deep.equal([]);
      // Nothing on the page asked for these yet.
      for (const tag of ['wsis-action-line-filter', 'wsis-country-map', 'wsis-entry-detail']) {
        expect(win.customElements.get(tag), tag).to.equal(undefined);
      }
      const el = win.document.querySelector('wsis-stocktaking')!;
      await until(() => el.shadowRoot?.querySelector('[role="alert"]'));
      expect(text(el.shadowRoot!.querySelector('[role="alert"]'))).to.contain('no data source');
    } finally {
      frame.remove();
    }
  });

  it('never leaves the box blank: a message or content is always rendered', async () => {
    const el = await widget();
    expect(deepQuery(el, '[role="status"]')).to.exist;
  });
});
