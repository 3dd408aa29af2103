import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stocktaking/define.js';
import '../../src/components/entry-list/define.js';
import '../../src/components/entry-detail/define.js';
import '../../src/components/search-box/define.js';
import '../../src/components/action-line-filter/define.js';
import '../../src/components/facet-filter/define.js';
import '../../src/components/filter-chips/define.js';
import type { Entry } from '../../src/data/entry.js';
import type { WsisStocktaking } from '../../src/components/stocktaking/stocktaking.js';
import { makeEntry } from '../fixtures/entries.js';
import { shadowRoots, text, until } from './helpers/dom.js';
import { API, mockApi } from './helpers/mock-api.js';
import { stubStore } from './helpers/stub-source.js';

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

const PAYLOADS = [
  '<img src=x onerror=window.__pwned=1>',
  '<script>window.__pwned=1</script>',
  '<svg onload=window.__pwned=1>',
  '"><img src=x onerror=window.__pwned=1>',
  "'><svg/onload=window.__pwned=1>",
  '<a href="javascript:window.__pwned=1">click</a>',
  '{{constructor.constructor("window.__pwned=1")()}}',
];

const BAD_WEBSITES = [
  'javascript:window.__pwned=1',
  'JaVaScRiPt:window.__pwned=1',
  ' javascript:window.__pwned=1',
  'data:text/html,<script>window.__pwned=1</script>',
  'vbscript:msgbox(1)',
  '//evil.example/path',
];

/** Hostile text in every free-text field; valid otherwise, so the API client keeps them. */
const hostileText = (): Entry[] =>
  PAYLOADS.map((p, i) =>
    makeEntry(`x${i}`, {
      title: `img ${p}`,
      organization: `Org ${p}`,
      description: `img payload ${p} ${p}`,
      website: `https://example.org/${encodeURIComponent(p)}`,
    }),
  );

/** What a stub source (no validation) could carry: hostile values in every field. */
const hostileAll = (): Entry[] =>
  BAD_WEBSITES.map(
    (website, i) =>
      ({
        ...makeEntry(`w${i}`, { title: `Bad website ${i}`, website, description: PAYLOADS[i % PAYLOADS.length] }),
        countries: [PAYLOADS[0]],
        regions: [PAYLOADS[1]],
        actionLines: [PAYLOADS[2]],
        sdgs: [PAYLOADS[3]],
        status: PAYLOADS[4],
        entityType: PAYLOADS[5],
        updated: PAYLOADS[6],
        prize: { year: 2020, status: PAYLOADS[0] },
      }) as unknown as Entry,
  );

/** No element, attribute or link in any shadow root came from data. */
function assertInert(root: Element): void {
  const nodes = [root, ...shadowRoots(root)].flatMap((r) => [...r.querySelectorAll('*')]);
  expect(nodes.length).to.be.above(10);
  for (const el of nodes) {
    const where = `<${el.localName} class="${el.getAttribute('class') ?? ''}">`;
    expect(['script', 'img', 'iframe', 'object', 'embed', 'image'], where).not.to.include(el.localName);
    if (el.localName === 'svg') {
      // The only SVGs are the components' own icons inside buttons.
      expect(el.parentElement?.localName, where).to.equal('button');
      expect(el.getAttribute('aria-hidden'), where).to.equal('true');
    }
    for (const attr of el.getAttributeNames()) expect(attr.startsWith('on'), `${where} has ${attr}`).to.equal(false);
    if (el instanceof HTMLAnchorElement && el.hasAttribute('href')) {
      expect(['http:', 'https:'], `${where} href=${el.getAttribute('href')}`).to.include(new URL(el.href).protocol);
    }
  }
}

describe('rendering hostile data', function () {
  this.timeout(30000);
  beforeEach(() => {
    delete window.__pwned;
  });

  it('shows HTML and script payloads from the API as text, in the list and the detail', async () => {
    await mockApi(hostileText());
    const el = await fixture<WsisStocktaking>(html`<wsis-stocktaking api=${API}></wsis-stocktaking>`);
    await until(() => el.store?.state.status === 'ready', 'no results');
    // A query makes the highlighter split the payloads into parts.
    el.store!.submit('img onerror script svg');
    await until(() => el.store!.state.status === 'ready' || el.store!.state.status === 'empty');
    el.store!.submit('img');
    await until(() => el.store!.state.status === 'ready' && el.store!.state.query === 'img');
    const list = el.shadowRoot!.querySelector('wsis-entry-list')!;
    await until(() => list.shadowRoot!.querySelectorAll('.entry').length === PAYLOADS.length);
    const titles = [...list.shadowRoot!.querySelectorAll('.entry .open')].map(text);
    for (const p of PAYLOADS)
      expect(titles).to.include(text(Object.assign(document.createElement('p'), { textContent: `img ${p}` })));
    // The highlighter is a chunk of its own: results show unmarked until it is in.
    await until(() => list.shadowRoot!.querySelectorAll('mark').length > 0, 'nothing highlighted');
    assertInert(el);

    for (const entry of hostileText()) {
      el.store!.openEntry(entry.id);
      // The list renders the detail from the first opened entry on.
      await until(() => list.shadowRoot!.querySelector('wsis-entry-detail'), 'no detail');
      const detail = list.shadowRoot!.querySelector('wsis-entry-detail')!;
      await until(() => detail.shadowRoot!.querySelector('h2')?.textContent === entry.title);
      const dialog = detail.shadowRoot!.querySelector('dialog')!;
      expect(text(dialog)).to.contain(
        text(Object.assign(document.createElement('p'), { textContent: entry.description })),
      );
      const link = dialog.querySelector('dd a') as HTMLAnchorElement;
      expect(link.getAttribute('href')).to.equal(entry.website);
      assertInert(el);
      el.store!.openEntry(undefined);
      await until(() => !dialog.open);
    }
    await aTimeout(50);
    expect(window.__pwned).to.equal(undefined);
  });

  it('never links a website that is not http(s), and survives hostile values in every field', async () => {
    const entries = hostileAll();
    const { store } = stubStore(entries, { pageSize: 20 });
    const wrapper = await fixture(
      html`<test-store-provider .store=${store}><wsis-entry-list></wsis-entry-list></test-store-provider>`,
    );
    const list = wrapper.querySelector('wsis-entry-list')!;
    store.submit('website');
    await until(
      () => list.shadowRoot!.querySelectorAll('.entry').length === entries.length,
      'hostile entries not shown',
    );
    assertInert(wrapper);
    for (const entry of entries) {
      store.openEntry(entry.id);
      await until(() => list.shadowRoot!.querySelector('wsis-entry-detail'), 'no detail');
      const detail = list.shadowRoot!.querySelector('wsis-entry-detail')!;
      await until(() => detail.shadowRoot!.querySelector('h2')?.textContent === entry.title);
      const dialog = detail.shadowRoot!.querySelector('dialog')!;
      expect(dialog.querySelector('a') === null, `${entry.website} became a link`).to.equal(true);
      const row = [...dialog.querySelectorAll('.row')].find((r) => text(r.querySelector('dt')) === 'Website')!;
      expect(row.querySelector('dd')!.textContent).to.equal(entry.website);
      assertInert(wrapper);
      store.openEntry(undefined);
      await until(() => !dialog.open);
    }
    await aTimeout(50);
    expect(window.__pwned).to.equal(undefined);
  });
});
