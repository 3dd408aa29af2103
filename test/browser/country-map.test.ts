import { aTimeout, expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
// Before the data layer, which keeps the fetch it first finds.
import { signals } from './map-helpers/fetch-signals.js';
import '../../src/components/country-map/define.js';
import type { WsisCountryMap } from '../../src/components/country-map/country-map.js';
import { isWorld, loadWorld, type World } from '../../src/data/world.js';
import { SourceError } from '../../src/data/source.js';
import { colourScale } from '../../src/components/country-map/scale.js';
import type { Facets } from '../../src/data/query.js';
import { SearchStore } from '../../src/state/search-store.js';
import { fakeSource, storeWith } from './map-helpers/store.js';
import { WORLD } from './map-helpers/world-fixture.js';

const FACETS: Facets = {
  country: { FR: 1, DE: 5, RW: 20, KE: 50, BR: 200, INTL: 7 },
  region: { africa: 70, americas: 200, europe: 6, arab_states: 0, asia_pacific: 0, cis: 0 },
};

/** Only France: the answer to a `/held/` path, which comes when the test calls `releaseHeld()`. */
const FRANCE_ONLY: World = { ...WORLD, c: { FR: WORLD.c.FR }, p: { FR: WORLD.p.FR }, d: [] };

/** Geometry requests by path, and those answered; each test uses its own path, as the loader caches per URL. */
const requests: string[] = [];
const answered: string[] = [];
let held: (() => void)[] = [];
const releaseHeld = () => held.splice(0).forEach((release) => release());
const worker = setupWorker(
  http.get('*/wsis-world.json', async ({ request }) => {
    const url = new URL(request.url);
    requests.push(url.pathname);
    if (url.pathname.startsWith('/broken/')) return HttpResponse.json({ w: 1, h: 1, c: { FR: 'alert(1)' } });
    if (url.pathname.startsWith('/held/')) {
      await new Promise<void>((resolve) => held.push(resolve));
      answered.push(url.pathname);
      return HttpResponse.json(FRANCE_ONLY);
    }
    answered.push(url.pathname);
    return HttpResponse.json(WORLD);
  }),
);

let seq = 0;
const uniqueUrl = () => `/geo${++seq}/wsis-world.json`;
const heldUrl = () => `/held/geo${++seq}/wsis-world.json`;
const hits = (url: string) => requests.filter((p) => p === url).length;
const shapes = (root: ParentNode) => [...root.querySelectorAll('path.k')].map((p) => p.getAttribute('data-c'));

async function mount(store: SearchStore, attrs: { lang?: string } = {}) {
  const url = uniqueUrl();
  const host = await fixture(html`
    <map-test-provider .store=${store} lang=${attrs.lang ?? 'en'}>
      <wsis-country-map geometry-url=${url}></wsis-country-map>
    </map-test-provider>
  `);
  const el = host.querySelector('wsis-country-map')!;
  await waitUntil(() => el.shadowRoot!.querySelector('path.k'), 'map drawn');
  return { el, url, root: el.shadowRoot! };
}

const $ = <T extends Element = HTMLElement>(root: ParentNode, selector: string) => root.querySelector<T>(selector)!;
const country = (root: ParentNode, code: string) => $<SVGElement>(root, `[data-c="${code}"]`);
const info = (root: ParentNode) => $(root, '.info').textContent!.trim();

async function settle(el: WsisCountryMap) {
  await nextFrame();
  await el.updateComplete;
}

describe('<wsis-country-map>', () => {
  before(async () => {
    await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true });
  });
  afterEach(() => {
    releaseHeld();
    held = [];
  });
  after(() => worker.stop());

  describe('geometry asset', () => {
    it('accepts the fixture and rejects scripts or junk', () => {
      expect(isWorld(WORLD)).to.be.true;
      expect(isWorld({ ...WORLD, c: { FR: 'M0 0<script>' } })).to.be.false;
      expect(isWorld({ ...WORLD, p: { FR: [1] } })).to.be.false;
      expect(isWorld({ ...WORLD, d: ['ZZ'] })).to.be.false;
      expect(isWorld(null)).to.be.false;
    });
  });

  describe('colour scale', () => {
    it('gives five quantile classes and 0 for none', () => {
      const scale = colourScale([1, 5, 20, 50, 200]);
      expect([0, 1, 4, 5, 19, 20, 50, 199, 200].map((n) => scale.classOf(n))).to.deep.equal([
        0, 1, 1, 2, 2, 3, 4, 4, 5,
      ]);
    });
    it('spreads fewer classes over the palette', () => {
      const scale = colourScale([3, 3, 3, 9]);
      expect(scale.classes.map((c) => c.index)).to.deep.equal([1, 5]);
      expect(colourScale([]).classOf(4)).to.equal(0);
    });
  });

  describe('drawing', () => {
    it('colours each country by its bucket and shows exact counts', async () => {
      const { el, root } = await mount(await storeWith(FACETS));
      const cls = (code: string) => [...country(root, code).classList].find((c) => /^c\d$/.test(c));
      expect(['FR', 'DE', 'RW', 'KE', 'BR', 'US', 'SG'].map(cls)).to.deep.equal([
        'c1',
        'c2',
        'c3',
        'c4',
        'c5',
        'c0',
        'c0',
      ]);
      expect(country(root, 'SG').tagName).to.equal('circle');
      const legend = [...root.querySelectorAll('.legend li')].map((li) => li.textContent!.trim());
      expect(legend).to.deep.equal(['0', '1–4', '5–19', '20–49', '50–199', '200']);

      country(root, 'RW').dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
      await settle(el);
      expect(info(root)).to.equal('Rwanda: 20 entries');
      $(root, '.map').dispatchEvent(new PointerEvent('pointerout', { bubbles: true }));
      await settle(el);
      expect(info(root)).to.equal('');
    });

    it('updates colours when the search changes the facets', async () => {
      let round = 0;
      const store = await storeWith(() => (round++ === 0 ? FACETS : { country: { FR: 100, DE: 1 }, region: {} }));
      const { el, root } = await mount(store);
      expect(country(root, 'FR').classList.contains('c1')).to.be.true;
      await store.search();
      await el.updateComplete;
      expect(country(root, 'FR').classList.contains('c5')).to.be.true;
      expect(country(root, 'RW').classList.contains('c0')).to.be.true;
    });

    it('uses no inline styles (strict CSP)', async () => {
      const { root } = await mount(await storeWith(FACETS));
      expect(root.querySelectorAll('[style]').length).to.equal(0);
    });
  });

  describe('filtering', () => {
    it('toggles a country on click, with outline, hatch and the selected list', async () => {
      const store = await storeWith(FACETS);
      const { el, root } = await mount(store);
      country(root, 'KE').dispatchEvent(new MouseEvent('click', { bubbles: true }));
      expect(store.state.filters.country).to.deep.equal(['KE']);
      await settle(el);
      const sel = root.querySelectorAll('.over .sel');
      expect(sel.length).to.equal(1);
      expect(sel[0].getAttribute('fill')).to.equal('url(#hatch)');
      expect($(root, '.selected').textContent).to.contain('Kenya');

      country(root, 'KE').dispatchEvent(new MouseEvent('click', { bubbles: true }));
      expect(store.state.filters.country ?? []).to.deep.equal([]);
      await settle(el);
      expect(root.querySelectorAll('.over .sel').length).to.equal(0);
      expect($(root, '.selected').textContent).to.contain('None');
    });

    it('with a country scope, offers nothing outside it: no colour, no International button, no choice', async () => {
      const store = new SearchStore(
        fakeSource(() => FACETS),
        { debounceMs: 0, scope: { country: ['KE'] } },
      );
      await store.search();
      const { el, root } = await mount(store);
      expect(country(root, 'KE').getAttribute('class')).not.to.equal('k c0');
      for (const code of ['FR', 'DE', 'RW', 'BR']) expect(country(root, code).getAttribute('class')).to.equal('k c0');
      expect(root.querySelector('.intl'), 'International button').to.equal(null);
      country(root, 'BR').dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await settle(el);
      expect(store.state.filters).to.deep.equal({});
    });

    it('with a region scope, shows only the buttons of regions inside it', async () => {
      const store = new SearchStore(
        fakeSource(() => FACETS),
        { debounceMs: 0, scope: { region: ['arab_states'] } },
      );
      await store.search();
      const { root } = await mount(store);
      const regions = [...root.querySelectorAll<HTMLElement>('[data-region]')].map((b) => b.dataset.region);
      expect(regions).to.deep.equal(['arab_states']);
      expect(root.querySelector('[data-region="africa"]')).to.equal(null);
    });

    it('toggles the focused country with Enter and Space', async () => {
      const store = await storeWith(FACETS);
      const { el, root } = await mount(store);
      $(root, '.map').focus();
      await sendKeys({ press: 'Home' });
      await settle(el);
      expect(info(root)).to.equal('France: 1 entry');
      await sendKeys({ press: 'Enter' });
      expect(store.state.filters.country).to.deep.equal(['FR']);
      await settle(el);
      expect($(root, '[role="status"]').textContent).to.equal('France: 1 entry, selected');
      await sendKeys({ press: 'Enter' });
      expect(store.state.filters.country ?? []).to.deep.equal([]);
      await sendKeys({ press: ' ' });
      expect(store.state.filters.country).to.deep.equal(['FR']);
    });

    it('removes a country from the selected list', async () => {
      const store = await storeWith(FACETS);
      store.toggleFilter('country', 'DE');
      const { el, root } = await mount(store);
      $(root, '.selected button[data-c="DE"]').click();
      await settle(el);
      expect(store.state.filters.country ?? []).to.deep.equal([]);
    });

    it('toggles ITU regions and International with their counts', async () => {
      const store = await storeWith(FACETS);
      const { el, root } = await mount(store);
      const africa = $(root, 'button[data-region="africa"]');
      expect(africa.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Africa 70');
      expect(africa.getAttribute('aria-pressed')).to.equal('false');
      africa.click();
      expect(store.state.filters.region).to.deep.equal(['africa']);
      await settle(el);
      expect(africa.getAttribute('aria-pressed')).to.equal('true');
      africa.click();
      expect(store.state.filters.region ?? []).to.deep.equal([]);

      const intl = $(root, 'button.intl');
      expect(intl.textContent).to.contain('7');
      intl.click();
      expect(store.state.filters.country).to.deep.equal(['INTL']);
      await settle(el);
      expect(intl.getAttribute('aria-pressed')).to.equal('true');
    });
  });

  describe('keyboard', () => {
    it('is one tab stop and moves in geographic order', async () => {
      const { el, root } = await mount(await storeWith(FACETS));
      expect(root.querySelectorAll('[tabindex="0"]').length).to.equal(1);
      $(root, '.map').focus();
      const go = async (key: string) => {
        await sendKeys({ press: key });
        await settle(el);
        return info(root).split(':')[0];
      };
      // US has no entries, so it is skipped.
      expect(await go('Home')).to.equal('France');
      expect(await go('ArrowRight')).to.equal('Germany');
      expect(await go('ArrowDown')).to.equal('Rwanda');
      expect(await go('ArrowRight')).to.equal('Kenya');
      expect(await go('ArrowDown')).to.equal('Brazil');
      expect(await go('ArrowUp')).to.equal('Rwanda');
      expect(await go('ArrowLeft')).to.equal('Germany');
      expect(await go('End')).to.equal('Brazil');
      expect(await go('ArrowRight')).to.equal('Brazil');
      expect(root.querySelectorAll('.over .ring').length).to.equal(1);
    });

    it('mirrors Left and Right in RTL', async () => {
      const { el, root } = await mount(await storeWith(FACETS), { lang: 'ar' });
      expect($(root, '.wrap').getAttribute('dir')).to.equal('rtl');
      $(root, '.map').focus();
      await sendKeys({ press: 'Home' });
      await settle(el);
      const first = info(root);
      await sendKeys({ press: 'ArrowLeft' });
      await settle(el);
      const second = info(root);
      // Reading order runs east to west: Germany, then France.
      expect(first.startsWith(new Intl.DisplayNames(['ar'], { type: 'region' }).of('DE')!)).to.be.true;
      expect(second.startsWith(new Intl.DisplayNames(['ar'], { type: 'region' }).of('FR')!)).to.be.true;
      await sendKeys({ press: 'ArrowRight' });
      await settle(el);
      expect(info(root)).to.equal(first);
    });

    it('jumps by typing a name', async () => {
      const { el, root } = await mount(await storeWith(FACETS));
      $(root, '.map').focus();
      await sendKeys({ type: 'ke' });
      await settle(el);
      expect(info(root)).to.equal('Kenya: 50 entries');
      await aTimeout(600);
      await sendKeys({ type: 'ge' });
      await settle(el);
      expect(info(root)).to.equal('Germany: 5 entries');
    });
  });

  describe('table view', () => {
    it('lists counts, sorts, and filters like the map', async () => {
      const store = await storeWith(FACETS);
      const { el, root } = await mount(store);
      const toggle = $(root, 'button.toggle');
      toggle.click();
      await settle(el);
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect($(root, '.stage').hidden).to.be.true;
      const names = () => [...root.querySelectorAll('tbody th')].map((th) => th.textContent!.trim());
      expect(names()).to.deep.equal(['Brazil', 'Kenya', 'Rwanda', 'Germany', 'France']);
      expect($(root, 'tr[data-c="RW"] td.num').textContent).to.equal('20');
      expect($(root, 'tr[data-c="RW"] td:nth-of-type(2)').textContent).to.equal('Africa');

      $(root, 'th button[data-sort="country"]').click();
      await settle(el);
      expect(names()).to.deep.equal(['Brazil', 'France', 'Germany', 'Kenya', 'Rwanda']);
      expect($(root, 'th button[data-sort="country"]').parentElement!.getAttribute('aria-sort')).to.equal('ascending');
      $(root, 'th button[data-sort="country"]').click();
      await settle(el);
      expect(names()[0]).to.equal('Rwanda');

      $<HTMLInputElement>(root, 'tr[data-c="RW"] input').click();
      expect(store.state.filters.country).to.deep.equal(['RW']);
      await settle(el);
      expect($<HTMLInputElement>(root, 'tr[data-c="RW"] input').checked).to.be.true;
      $<HTMLInputElement>(root, 'tr[data-c="RW"] input').click();
      expect(store.state.filters.country ?? []).to.deep.equal([]);
    });
  });

  describe('table view with no results', () => {
    it('says that no country has entries instead of showing bare headers', async () => {
      const store = await storeWith({ country: {}, region: {} });
      const { el, root } = await mount(store);
      $(root, 'button.toggle').click();
      await settle(el);
      expect(root.querySelectorAll('table').length, 'a table of headers only').to.equal(0);
      expect($(root, '[part~="table"] .empty').textContent!.trim()).to.equal('No country has entries for this search.');
      await expect(el).to.be.accessible();
    });

    it('still lists selected countries with 0 entries', async () => {
      const store = await storeWith({ country: {}, region: {} });
      store.toggleFilter('country', 'KE');
      const { el, root } = await mount(store);
      $(root, 'button.toggle').click();
      await settle(el);
      expect($(root, 'tr[data-c="KE"] td.num').textContent).to.equal('0');
      expect(root.querySelectorAll('.empty').length).to.equal(0);
    });
  });

  describe('accessibility', () => {
    it('passes axe with the map shown', async () => {
      const { el } = await mount(await storeWith(FACETS));
      await expect(el).to.be.accessible();
    });

    it('passes axe with the table shown and a selection', async () => {
      const store = await storeWith(FACETS);
      store.toggleFilter('country', 'KE');
      const { el, root } = await mount(store);
      $(root, 'button.toggle').click();
      await settle(el);
      await expect(el).to.be.accessible();
    });
  });

  describe('loading', () => {
    it('does not fetch while off-screen, then once for any number of maps', async () => {
      const store = await storeWith(FACETS);
      const url = uniqueUrl();
      const page = await fixture<HTMLElement>(html`
        <map-test-provider .store=${store}>
          <div style="height: 3000px"></div>
          <wsis-country-map geometry-url=${url}></wsis-country-map>
        </map-test-provider>
      `);
      const first = page.querySelector('wsis-country-map')!;
      await aTimeout(300);
      expect(hits(url)).to.equal(0);
      expect(first.shadowRoot!.querySelector('.stage')!.textContent).to.contain('Loading map');

      first.scrollIntoView();
      await waitUntil(() => first.shadowRoot!.querySelector('path.k'), 'map drawn after scrolling');
      expect(hits(url)).to.equal(1);

      const second = document.createElement('wsis-country-map');
      second.geometryUrl = url;
      page.append(second);
      second.scrollIntoView();
      await waitUntil(() => second.shadowRoot?.querySelector('path.k'), 'second map drawn');
      expect(hits(url)).to.equal(1);
      window.scrollTo(0, 0);
    });

    it('does not fetch when absent or hidden', async () => {
      const url = uniqueUrl();
      const detached = document.createElement('wsis-country-map');
      detached.geometryUrl = url;
      const hidden = await fixture<WsisCountryMap>(
        html`<wsis-country-map hidden geometry-url=${url}></wsis-country-map>`,
      );
      await aTimeout(300);
      expect(hits(url)).to.equal(0);
      hidden.hidden = false;
      await waitUntil(() => hits(url) === 1, 'fetched once shown');
    });

    for (const [what, url] of [
      ['a bad asset', '/broken/wsis-world.json'],
      // Not even a URL: resolving it must not break the element.
      ['a geometry-url that is not a URL', 'http://[::1'],
    ]) {
      it(`shows an error for ${what} and keeps the table usable`, async () => {
        const store = await storeWith(FACETS);
        const host = await fixture(html`
          <map-test-provider .store=${store}>
            <wsis-country-map geometry-url=${url}></wsis-country-map>
          </map-test-provider>
        `);
        const el = host.querySelector('wsis-country-map')!;
        const root = el.shadowRoot!;
        await waitUntil(() => root.querySelector('.error'), 'error shown');
        expect($(root, '.error').textContent).to.contain('could not be loaded');
        expect(root.querySelector('.map')).to.equal(null);
        $(root, 'button.toggle').click();
        await settle(el);
        $<HTMLInputElement>(root, 'tr[data-c="BR"] input').click();
        expect(store.state.filters.country).to.deep.equal(['BR']);
      });
    }

    it('aborts the load under way when geometry-url changes, and draws only the new file', async () => {
      const first = heldUrl();
      const host = await fixture(html`
        <map-test-provider .store=${await storeWith(FACETS)}>
          <wsis-country-map geometry-url=${first}></wsis-country-map>
        </map-test-provider>
      `);
      const el = host.querySelector('wsis-country-map')!;
      const root = el.shadowRoot!;
      await waitUntil(() => hits(first) === 1, 'first file requested');
      expect(signals.get(first)?.aborted, 'a signal reaches the request').to.equal(false);

      const second = uniqueUrl();
      el.geometryUrl = second;
      await waitUntil(() => root.querySelector('path.k'), 'second file drawn');
      expect(signals.get(first)?.aborted, 'first request aborted').to.equal(true);
      expect(shapes(root)).to.deep.equal(Object.keys(WORLD.c));

      // The first answer, had it still been awaited, would draw France alone.
      releaseHeld();
      await waitUntil(() => answered.includes(first), 'first answer sent');
      await settle(el);
      await settle(el);
      expect(shapes(root)).to.deep.equal(Object.keys(WORLD.c));
      expect(root.querySelector('.error'), 'an aborted load is no error').to.equal(null);
    });
  });

  describe('geometry loader', () => {
    it('shares one request, and aborts it only when every caller has given up', async () => {
      const url = heldUrl();
      const a = new AbortController();
      const b = new AbortController();
      const outcome = (p: Promise<World>) =>
        p.then(
          () => 'loaded',
          (e: unknown) => (e instanceof SourceError ? e.code : 'other error'),
        );
      const first = outcome(loadWorld(url, a.signal));
      const second = outcome(loadWorld(url, b.signal));
      await waitUntil(() => hits(url) === 1, 'requested');
      expect(signals.get(url)?.aborted, 'a signal reaches the request').to.equal(false);
      a.abort();
      expect(await first).to.equal('aborted');
      expect(signals.get(url)?.aborted, 'still awaited by the other caller').to.equal(false);
      b.abort();
      expect(await second).to.equal('aborted');
      expect(signals.get(url)?.aborted, 'nobody waits any more').to.equal(true);

      // Dropped from the cache: the next caller gets a request of its own.
      const third = outcome(loadWorld(url));
      await waitUntil(() => hits(url) === 2, 'requested again');
      releaseHeld();
      expect(await third).to.equal('loaded');
    });
  });
});
