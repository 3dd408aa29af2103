import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import '../../src/components/export/define.js';
import type { WsisExport } from '../../src/components/export/export.js';
import { t } from '../../src/i18n/index.js';
import { SearchStore } from '../../src/state/search-store.js';
import { fakeSource } from './map-helpers/store.js';
import './filter-helpers/provider.js';

/** The export's run cannot be loaded (a network failure), as if its chunk were missing from the server. */
const worker = setupWorker(http.get('*/src/components/export/export-run.ts', () => HttpResponse.error()));

describe('<wsis-export> when its code cannot be loaded', () => {
  before(() =>
    worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true }),
  );
  after(() => worker.stop());

  it('says the export failed, in an alert, and the buttons stay usable', async () => {
    const store = new SearchStore(
      fakeSource(() => ({})),
      { debounceMs: 0 },
    );
    await store.search();
    const provider = await fixture<HTMLElement>(
      html`<wsis-test-provider lang="en" .store=${store}><wsis-export></wsis-export></wsis-test-provider>`,
    );
    const el = provider.querySelector('wsis-export') as WsisExport;
    await el.updateComplete;
    const start = el.shadowRoot!.querySelector<HTMLButtonElement>('.start[data-format="csv"]')!;
    start.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'no alert');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent!.trim()).to.equal(t('en', 'export.failed'));
    expect(start.getAttribute('aria-disabled')).to.equal('false');
  });
});
