import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import '../../src/components/export/define.js';
import { t } from '../../src/i18n/index.js';
import { fakeSource } from './map-helpers/store.js';
import { mountExport } from './helpers/mount-export.js';

/** The export's run cannot be loaded (a network failure), as if its chunk were missing from the server. */
const worker = setupWorker(http.get('*/src/components/export/export-run.ts', () => HttpResponse.error()));

describe('<wsis-export> when its code cannot be loaded', () => {
  before(() =>
    worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'bypass', quiet: true }),
  );
  after(() => worker.stop());

  it('says the export failed, in an alert, and the buttons stay usable', async () => {
    const { el } = await mountExport(fakeSource(() => ({})));
    const start = el.shadowRoot!.querySelector<HTMLButtonElement>('.start[data-format="csv"]')!;
    start.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'no alert');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent!.trim()).to.equal(t('en', 'export.failed'));
    expect(start.getAttribute('aria-disabled')).to.equal('false');
  });
});
