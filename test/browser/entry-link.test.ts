import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/entry-list/define.js';
import '../../src/components/entry-detail/define.js';
import { groupLabel, valueLabel } from '../../src/components/facet-filter/labels.js';
import type { Entry } from '../../src/data/entry.js';
import { LINK_STATUSES } from '../../src/data/vocabulary.js';
import { LANGS } from '../../src/i18n/index.js';
import '../../src/i18n/all.js';
import { makeEntry } from '../fixtures/entries.js';
import { text, until } from './helpers/dom.js';
import { stubStore } from './helpers/stub-source.js';

const CHECKED = '2026-11-02T08:30:00.000Z';
const SITE = 'https://example.org/project';
const MOVED = 'https://example.org/new-home';

const ENTRIES: Entry[] = [
  makeEntry('none', { website: SITE }),
  makeEntry('ok', { website: SITE, link: { status: 'ok', checked: CHECKED } }),
  makeEntry('redirected', { website: SITE, link: { status: 'redirected', checked: CHECKED, finalUrl: MOVED } }),
  makeEntry('broken', { website: SITE, link: { status: 'broken', checked: CHECKED } }),
  makeEntry('failing', { website: SITE, link: { status: 'failing', checked: CHECKED } }),
  makeEntry('parked', { website: SITE, link: { status: 'parked', checked: CHECKED } }),
  // What a stub source may carry: a hostile final URL must not become a link.
  {
    ...makeEntry('hostile', { website: SITE }),
    link: { status: 'redirected', checked: CHECKED, finalUrl: 'javascript:alert(1)' },
  } as Entry,
];

/** Opens one entry's detail in `lang` and returns the Website row's value. */
async function websiteRow(id: string, lang = 'en') {
  const { store } = stubStore(ENTRIES);
  const wrapper = await fixture(
    html`<test-store-provider lang=${lang} .store=${store}><wsis-entry-list></wsis-entry-list></test-store-provider>`,
  );
  const list = wrapper.querySelector('wsis-entry-list')!;
  store.openEntry(id);
  const detail = list.shadowRoot!.querySelector('wsis-entry-detail')!;
  await until(() => !!detail.shadowRoot!.querySelector('dialog[open] dl'), `detail of ${id}`);
  const rows = [...detail.shadowRoot!.querySelectorAll('dl .row')];
  const row = rows.find((r) => text(r.querySelector('dd')!).includes('https://example.org/'))!;
  return { wrapper, dd: row.querySelector('dd')! };
}

describe('<wsis-entry-detail> website and its link check', () => {
  for (const status of ['none', 'ok', 'failing', 'parked']) {
    it(`links the website as it is when the check says ${status === 'none' ? 'nothing' : status}`, async () => {
      const { wrapper, dd } = await websiteRow(status);
      const a = dd.querySelector('a')!;
      expect(a.getAttribute('href')).to.equal(SITE);
      expect(text(a)).to.equal(SITE);
      expect(text(dd)).not.to.contain('unreachable');
      await expect(wrapper).to.be.accessible();
    });
  }

  it('links a permanently redirected website to its final URL', async () => {
    const { wrapper, dd } = await websiteRow('redirected');
    const a = dd.querySelector('a')!;
    expect(a.getAttribute('href')).to.equal(MOVED);
    expect(text(a)).to.equal(MOVED);
    expect(a.rel).to.equal('noopener noreferrer nofollow');
    await expect(wrapper).to.be.accessible();
  });

  it('shows a broken website as text with the date of the check, not as a link', async () => {
    const { wrapper, dd } = await websiteRow('broken');
    expect(dd.querySelectorAll('a').length, 'links').to.equal(0);
    expect(text(dd)).to.equal(`${SITE} (website unreachable when last checked on November 2, 2026)`);
    await expect(wrapper).to.be.accessible();
  });

  it('says so in the page language', async () => {
    const fr = await websiteRow('broken', 'fr');
    expect(text(fr.dd)).to.contain('site injoignable lors de la dernière vérification, le 2 novembre 2026');
    const ar = await websiteRow('broken', 'ar');
    expect(text(ar.dd)).to.contain('تعذّر الوصول إلى الموقع عند آخر فحص في');
    expect(ar.dd.querySelectorAll('a').length, 'links').to.equal(0);
    await expect(ar.wrapper).to.be.accessible();
  });

  it('never links a final URL that is not http(s)', async () => {
    const { dd } = await websiteRow('hostile');
    expect(dd.querySelector('a')!.getAttribute('href')).to.equal(SITE);
  });
});

describe('the link filter chip', () => {
  it('is named and valued in all six languages', () => {
    for (const lang of LANGS) {
      expect(groupLabel(lang, 'link'), lang).not.to.equal('link');
      for (const status of LINK_STATUSES)
        expect(valueLabel(lang, 'link', status), `${lang} ${status}`).not.to.equal(status);
    }
    expect(`${groupLabel('en', 'link')}: ${valueLabel('en', 'link', 'broken')}`).to.equal('Website check: unreachable');
  });
});
