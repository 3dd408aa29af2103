import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/entry-editor/define.js';
import '../../src/components/manage/define.js';
import '../../src/components/stocktaking/define.js';
import '../../src/components/entry-list/define.js';
import '../../src/components/entry-detail/define.js';
import '../../src/components/search-box/define.js';
import '../../src/i18n/all.js';
import type { WsisEntryEditor } from '../../src/components/entry-editor/entry-editor.js';
import type { WsisManage } from '../../src/components/manage/manage.js';
import type { WsisStocktaking } from '../../src/components/stocktaking/stocktaking.js';
import { LANGS, t, watchLookups, type Lang, type MessageKey } from '../../src/i18n/index.js';
import { makeEntry } from '../fixtures/entries.js';
import { deepActive, deepQuery, found, until } from './helpers/dom.js';
import { API, mockApi } from './helpers/mock-api.js';
import { CSRF, MockWriteApi, WRITE_API } from './helpers/mock-write-api.js';

const ENTRY = makeEntry('e1', { organization: 'Org A', title: 'Solar school radio' });

async function editor(lang: Lang = 'en') {
  const api = new MockWriteApi([ENTRY, makeEntry('e2', { organization: 'Org A' })]);
  (await mockApi()).use(...api.handlers());
  const el = await fixture<WsisEntryEditor>(
    html`<wsis-entry-editor api=${WRITE_API} entry-id="e1" lang=${lang}></wsis-entry-editor>`,
  );
  await until(() => el.state?.phase === 'ready', 'the entry did not load');
  await el.updateComplete;
  return { el, api };
}

const $ = <T extends HTMLElement = HTMLElement>(el: Element, selector: string): T => {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};

function type(el: Element, selector: string, value: string): void {
  const input = $<HTMLInputElement>(el, selector);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

async function save(el: WsisEntryEditor): Promise<void> {
  $(el, 'button.save').click();
  await until(() => el.state?.phase === 'ready', 'the save did not finish');
  await el.updateComplete;
}

describe('<wsis-entry-editor>', function () {
  this.timeout(30000);

  it('fills every field from the stored entry', async () => {
    const { el } = await editor();
    expect($<HTMLInputElement>(el, '#field-title').value).to.equal('Solar school radio');
    expect($<HTMLInputElement>(el, '#field-organization').value).to.equal('Org A');
    expect($<HTMLSelectElement>(el, '#field-entityType').value).to.equal('government');
    expect($<HTMLInputElement>(el, '#field-countries').value).to.equal('RW');
    expect($<HTMLInputElement>(el, 'input[name="actionLines"][value="C1"]').checked).to.equal(true);
    expect($<HTMLInputElement>(el, 'input[name="actionLines"][value="C2"]').checked).to.equal(false);
    expect($<HTMLInputElement>(el, 'input[name="sdgs"][value="9"]').checked).to.equal(true);
    expect($<HTMLInputElement>(el, '#field-startYear').value).to.equal('2020');
    expect($<HTMLInputElement>(el, '#field-endYear').value).to.equal('');
  });

  it('saves with If-Match and the CSRF token, and tells the page', async () => {
    const { el, api } = await editor();
    type(el, '#field-title', 'Solar school radio, phase 2');
    $<HTMLInputElement>(el, 'input[name="sdgs"][value="4"]').click();
    const saved = oneEvent(el, 'wsis-entry-saved');
    $(el, 'button.save').click();
    const event = await saved;
    expect(event.detail).to.deep.equal({ id: 'e1', revision: 103, action: 'update', archived: false });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(api.writes[0]).to.include({ method: 'PUT', path: '/entries/e1', ifMatch: '"101"', csrf: CSRF });
    expect(api.get('e1')!.entry.title).to.equal('Solar school radio, phase 2');
    expect(api.get('e1')!.entry.sdgs).to.deep.equal([4, 9]);
    await el.updateComplete;
    expect($(el, '.ok').textContent).to.equal(t('en', 'editor.saved'));
  });

  it('puts the message of each field the server rejects beside it, and focuses the first', async () => {
    const { el, api } = await editor();
    type(el, '#field-title', '');
    type(el, '#field-countries', 'RW, XX');
    type(el, '#field-startYear', '19x');
    await save(el);
    expect(api.get('e1')!.revision, 'nothing was stored').to.equal(101);
    for (const field of ['title', 'countries', 'startYear']) {
      const input = $(el, `#field-${field}`);
      const message = $(el, `#problem-${field}`);
      expect(input.getAttribute('aria-invalid'), field).to.equal('true');
      expect(input.getAttribute('aria-describedby')!.split(' '), field).to.include(`problem-${field}`);
      expect(message.textContent).to.equal(t('en', `editor.rule.${field}` as MessageKey));
    }
    for (const field of ['organization', 'description', 'endYear', 'website']) {
      expect($(el, `#field-${field}`).getAttribute('aria-invalid'), field).to.equal('false');
      expect(!!el.shadowRoot!.querySelector(`#problem-${field}`), field).to.equal(false);
    }
    expect(el.shadowRoot!.activeElement?.id).to.equal('field-title');
    expect($(el, '.summary').getAttribute('role')).to.equal('alert');
    expect($(el, '.summary').textContent).to.contain(t('en', 'editor.problems', { n: 3 }));
    await expect(el).to.be.accessible();

    // Fixed, the next save clears the messages.
    type(el, '#field-title', 'Back again');
    type(el, '#field-countries', 'RW');
    type(el, '#field-startYear', '2019');
    await save(el);
    expect(!!el.shadowRoot!.querySelector('.message')).to.equal(false);
    expect(api.get('e1')!.entry.startYear).to.equal(2019);
  });

  it('a rule on two fields (end before start) lands on the end year; no action line lands on its group', async () => {
    const { el } = await editor();
    type(el, '#field-endYear', '2001');
    $<HTMLInputElement>(el, 'input[name="actionLines"][value="C1"]').click();
    await save(el);
    expect($(el, '#field-endYear').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#problem-actionLines').textContent).to.equal(t('en', 'editor.rule.actionLines'));
    expect($(el, 'fieldset').getAttribute('aria-describedby')).to.equal('problem-actionLines');
    // The action lines come first in the form, so they take the focus.
    expect(el.shadowRoot!.activeElement?.id).to.equal('field-actionLines');
  });

  it('when someone else saved first, says so, keeps their save and offers to load it', async () => {
    const { el, api } = await editor();
    api.saveBehindTheBack('e1', { title: 'Their title' });
    type(el, '#field-title', 'My title');
    const conflict = oneEvent(el, 'wsis-entry-conflict');
    $(el, 'button.save').click();
    expect((await conflict).detail).to.deep.equal({ id: 'e1' });
    await el.updateComplete;
    const box = $(el, '[part="conflict"]');
    expect(box.getAttribute('role')).to.equal('alert');
    expect(box.textContent).to.contain(t('en', 'editor.conflict'));
    expect(api.get('e1')!.entry.title).to.equal('Their title');
    expect(el.shadowRoot!.activeElement?.className).to.equal('reload');
    await expect(el).to.be.accessible();

    $(el, 'button.reload').click();
    await until(
      () => el.shadowRoot!.querySelector<HTMLInputElement>('#field-title')?.value === 'Their title',
      'their version was not loaded',
    );
    expect(!!el.shadowRoot!.querySelector('[part="conflict"]')).to.equal(false);
    type(el, '#field-title', 'My title, after theirs');
    await save(el);
    expect(api.writes.at(-1)!.ifMatch).to.equal('"103"');
    expect(api.get('e1')!.entry.title).to.equal('My title, after theirs');
  });

  it('shows the history and restores an earlier revision', async () => {
    const { el, api } = await editor();
    type(el, '#field-title', 'Renamed');
    await save(el);
    $(el, 'button.history-toggle').click();
    await until(() => el.state?.history?.phase === 'ready', 'no history');
    await el.updateComplete;
    expect($(el, 'button.history-toggle').getAttribute('aria-expanded')).to.equal('true');
    const items = el.shadowRoot!.querySelectorAll('.history li');
    expect(items.length).to.equal(2);
    expect(items[0].textContent).to.contain(t('en', 'editor.current'));
    expect(items[0].textContent).to.contain(t('en', 'editor.changed', { fields: t('en', 'editor.field.title') }));
    await expect(el).to.be.accessible();

    const saved = oneEvent(el, 'wsis-entry-saved');
    $(el, 'button.restore[data-revision="101"]').click();
    expect((await saved).detail.action).to.equal('restore');
    expect(api.writes.at(-1)).to.deep.include({
      path: '/entries/e1/restore',
      ifMatch: '"103"',
      body: { revision: 101 },
    });
    await until(() => el.state?.history?.revisions.length === 3, 'the history was not refreshed');
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#field-title').value).to.equal('Solar school radio');
    expect($(el, '.ok').textContent).to.equal(t('en', 'editor.restoredNow'));
  });

  it('archives and shows again', async () => {
    const { el, api } = await editor();
    $(el, 'button.archive').click();
    await until(() => api.get('e1')!.archived, 'not archived');
    await until(() => el.state?.managed?.archived, 'the editor did not learn it');
    await el.updateComplete;
    expect($(el, '.archived').textContent).to.equal(t('en', 'editor.archivedState'));
    expect($(el, 'button.archive').textContent!.trim()).to.equal(t('en', 'editor.unarchive'));
    $(el, 'button.archive').click();
    await until(() => !api.get('e1')!.archived, 'not shown again');
  });

  it('works with the keyboard alone: edit, save, open the history, restore', async () => {
    const { el, api } = await editor();
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    const tabTo = async (match: (active: Element | null) => boolean, what: string) => {
      for (let i = 0; i < 80 && !match(deepActive()); i++) await sendKeys({ press: 'Tab' });
      expect(match(deepActive()), `Tab never reached ${what}`).to.equal(true);
    };
    await tabTo((a) => a?.id === 'field-title', 'the title');
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' plus' });
    await tabTo((a) => a?.classList.contains('save') ?? false, 'Save');
    await sendKeys({ press: 'Enter' });
    await until(() => api.get('e1')!.entry.title === 'Solar school radio plus', 'Enter did not save');
    await tabTo((a) => a?.classList.contains('history-toggle') ?? false, 'the history button');
    await sendKeys({ press: 'Enter' });
    await until(() => deepActive()?.id === 'history-heading', 'focus did not move to the history');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.getAttribute('data-revision')).to.equal('101');
    await sendKeys({ press: ' ' });
    await until(() => api.get('e1')!.entry.title === 'Solar school radio', 'Space did not restore');
    before.remove();
  });

  it('an entry that cannot be loaded says why and tells the page', async () => {
    const api = new MockWriteApi([ENTRY]);
    (await mockApi()).use(...api.handlers());
    const el = document.createElement('wsis-entry-editor');
    el.api = WRITE_API;
    el.entryId = 'missing';
    const failed = oneEvent(el, 'wsis-error');
    document.body.append(el);
    try {
      expect((await failed).detail.code).to.equal('not_found');
      await el.updateComplete;
      expect($(el, '[role="alert"]').textContent!.trim()).to.equal(t('en', 'editor.error.not_found'));
    } finally {
      el.remove();
    }
  });

  it('is accessible in Arabic, right to left', async () => {
    const { el } = await editor('ar');
    const wrapper = el.shadowRoot!.querySelector('div[dir]')!;
    expect(wrapper.getAttribute('dir')).to.equal('rtl');
    expect($(el, 'label[for="field-title"]').textContent).to.equal(t('ar', 'editor.field.title'));
    await expect(el).to.be.accessible();
  });

  for (const lang of LANGS) {
    it(`${lang}: every text it shows, field messages and history included, is in ${lang}`, async () => {
      const fallbacks: string[] = [];
      watchLookups((l, key, own) => {
        if (l === lang && !own && lang !== 'en') fallbacks.push(key);
      });
      try {
        const { el, api } = await editor(lang);
        type(el, '#field-title', '');
        type(el, '#field-website', 'ftp://x');
        await save(el);
        api.saveBehindTheBack('e1', { title: 'Other' });
        type(el, '#field-title', 'Mine');
        type(el, '#field-website', '');
        await save(el);
        $(el, 'button.history-toggle').click();
        await until(() => el.state?.history?.phase === 'ready', 'no history');
        await el.updateComplete;
        expect($(el, '[part="conflict"]').textContent).to.contain(t(lang, 'editor.conflict'));
        expect($(el, 'button.save').textContent!.trim()).to.equal(t(lang, 'editor.save'));
      } finally {
        watchLookups();
      }
      expect([...new Set(fallbacks)], `${lang} fell back to English`).to.deep.equal([]);
    });
  }
});

describe('<wsis-manage>', function () {
  this.timeout(30000);

  async function manage(signedIn: boolean, attrs: { entry?: string; lang?: Lang } = {}) {
    const api = new MockWriteApi([ENTRY, makeEntry('e2', { organization: 'Org A', title: 'Second' })]);
    api.signedIn = signedIn;
    (await mockApi()).use(...api.handlers());
    const el = await fixture<WsisManage>(
      html`<wsis-manage
        api=${WRITE_API}
        lang=${attrs.lang ?? 'en'}
        entry=${attrs.entry ?? ''}
        demo-accounts="editor:demo-editor:right admin:demo-admin:right"
      ></wsis-manage>`,
    );
    return { el, api };
  }

  async function signIn(el: WsisManage, password: string) {
    $<HTMLInputElement>(el, '#account').value = 'demo-editor';
    $<HTMLInputElement>(el, '#password').value = password;
    $<HTMLFormElement>(el, 'form.sign-in').requestSubmit();
  }

  it('signs in, lists the entries, opens one, signs out; shows the demo accounts', async () => {
    const { el, api } = await manage(false);
    await found(el, '#account');
    expect($(el, '.demo').textContent).to.contain('demo-editor').and.to.contain('demo-admin');
    await expect(el).to.be.accessible();
    await signIn(el, 'wrong');
    const alert = await found(el, '#sign-in-error');
    expect(alert.textContent).to.equal(t('en', 'manage.wrongPassword'));
    expect(deepActive()?.id).to.equal('account');
    await signIn(el, 'right');
    await found(el, 'button.edit');
    expect(deepActive()?.id).to.equal('list-heading');
    expect(el.shadowRoot!.querySelectorAll('tbody tr').length).to.equal(2);
    await expect(el).to.be.accessible();
    $(el, 'button.edit[data-id="e2"]').click();
    const inner = await found<WsisEntryEditor>(el, 'wsis-entry-editor');
    await until(() => inner.state?.phase === 'ready', 'the editor did not load');
    expect(inner.state!.managed!.entry.id).to.equal('e2');
    $(el, 'button.back').click();
    await until(() => deepActive()?.getAttribute('data-id') === 'e2', 'focus did not return to the entry');
    $(el, 'button.sign-out').click();
    await found(el, '#account');
    expect(api.signedIn).to.equal(false);
  });

  it('opens the entry of ?entry= once signed in', async () => {
    const { el } = await manage(true, { entry: 'e2' });
    const inner = await found<WsisEntryEditor>(el, 'wsis-entry-editor');
    await until(() => inner.state?.phase === 'ready', 'the editor did not load');
    expect(inner.state!.managed!.entry.id).to.equal('e2');
  });

  it('switches language and tells the page', async () => {
    const { el } = await manage(false);
    await found(el, '#account');
    const select = $<HTMLSelectElement>(el, '#lang');
    select.value = 'ar';
    const changed = oneEvent(el, 'wsis-lang-change');
    select.dispatchEvent(new Event('change'));
    expect((await changed).detail).to.deep.equal({ lang: 'ar' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.page')!.getAttribute('dir')).to.equal('rtl');
    expect($(el, 'h1').textContent).to.equal(t('ar', 'manage.title'));
    await expect(el).to.be.accessible();
  });
});

describe('"Update this entry" in the search widget', function () {
  this.timeout(30000);

  async function openEntry(attrs: string | undefined) {
    await mockApi();
    const el = await fixture<WsisStocktaking>(
      attrs === undefined
        ? html`<wsis-stocktaking api=${API}></wsis-stocktaking>`
        : html`<wsis-stocktaking api=${API} editor-url=${attrs}></wsis-stocktaking>`,
    );
    await until(() => el.store?.state.results.length, 'no results');
    const id = el.store!.state.results[0].id;
    el.store!.openEntry(id);
    const detail = await found(el, 'wsis-entry-detail');
    await until(() => deepQuery(detail, '.share, dl'), 'the entry did not open');
    return { el, id, detail };
  }

  it('appears only where the page set editor-url, and leads to the manage page with the id', async () => {
    const without = await openEntry(undefined);
    expect(!!deepQuery(without.detail, '[part="update-link"]')).to.equal(false);
    without.el.remove();

    const { el, id, detail } = await openEntry('/manage');
    const link = await found<HTMLAnchorElement>(detail, '[part="update-link"]');
    expect(link.textContent).to.equal(t('en', 'entry.update'));
    expect(link.href).to.equal(`${location.origin}/manage?entry=${encodeURIComponent(id)}`);
    el.remove();
  });

  it('a non-http editor-url is refused like the other URL attributes', async () => {
    await mockApi();
    const el = await fixture<WsisStocktaking>(
      html`<wsis-stocktaking api=${API} editor-url="javascript:alert(1)"></wsis-stocktaking>`,
    );
    const problem = await found(el, '[part="config-error"]');
    expect(problem.textContent).to.contain('editor-url');
  });
});
