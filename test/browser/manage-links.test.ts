import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/manage/define.js';
import '../../src/i18n/all.js';
import type { WsisManage } from '../../src/components/manage/manage.js';
import { t } from '../../src/i18n/index.js';
import { makeEntry } from '../fixtures/entries.js';
import { found, until } from './helpers/dom.js';
import { mockApi } from './helpers/mock-api.js';
import { MockWriteApi, WRITE_API } from './helpers/mock-write-api.js';

const CHECKED = '2026-11-02T08:30:00.000Z';

describe('<wsis-manage> link review', function () {
  this.timeout(30000);

  async function manage() {
    const api = new MockWriteApi([
      makeEntry('a-fine', { organization: 'Org A', title: 'Fine site', website: 'https://fine.example/' }),
      makeEntry('b-moved', {
        organization: 'Org A',
        title: 'Moved site',
        website: 'https://old.example/',
        link: { status: 'redirected', checked: CHECKED, finalUrl: 'https://new.example/home' },
      }),
      makeEntry('c-dead', {
        organization: 'Org A',
        title: 'Dead site',
        website: 'https://dead.example/',
        link: { status: 'broken', checked: CHECKED },
      }),
    ]);
    (await mockApi()).use(...api.handlers());
    const el = await fixture<WsisManage>(html`<wsis-manage api=${WRITE_API} lang="en"></wsis-manage>`);
    await found(el, 'section.links');
    return { el, api };
  }

  it('shows broken links first, with the note, then moved ones; the list starts with them too', async () => {
    const { el } = await manage();
    const section = el.shadowRoot!.querySelector('section.links')!;
    expect(section.querySelector('h3')!.textContent!.trim()).to.equal(t('en', 'manage.links.heading'));
    const rows = [...section.querySelectorAll('li')];
    expect(rows.map((r) => r.dataset.id)).to.deep.equal(['c-dead', 'b-moved']);
    expect(rows[0].querySelector('.note')!.textContent!.trim()).to.equal(
      t('en', 'entry.websiteUnreachable', { date: '2026-11-02' }),
    );
    expect(rows[0].querySelector('button.accept')).to.equal(null);
    expect(rows[1].querySelector('.note')!.textContent).to.contain('https://new.example/home');
    const titles = [...el.shadowRoot!.querySelectorAll('tbody td.title')].map((td) => td.textContent);
    expect(titles).to.deep.equal(['Dead site', 'Moved site', 'Fine site']);
    await expect(el).to.be.accessible();
  });

  it('one click saves website = the final URL through PUT with If-Match', async () => {
    const { el, api } = await manage();
    const etag = `"${api.get('b-moved')!.revision}"`;
    el.shadowRoot!.querySelector<HTMLButtonElement>('li[data-id="b-moved"] button.accept')!.click();
    await until(() => api.writes.some((w) => w.method === 'PUT'), 'no PUT was sent');
    const put = api.writes.find((w) => w.method === 'PUT')!;
    expect(put.path).to.contain('/entries/b-moved');
    expect(put.ifMatch).to.equal(etag);
    expect((put.body as { website: string }).website).to.equal('https://new.example/home');
    expect((put.body as { title: string }).title).to.equal('Moved site');
    await until(() => api.get('b-moved')!.entry.website === 'https://new.example/home', 'not saved');
    const notice = await found(el, '.link-notice');
    expect(notice.textContent).to.equal(t('en', 'manage.links.accepted', { url: 'https://new.example/home' }));
    await expect(el).to.be.accessible();
  });
});
