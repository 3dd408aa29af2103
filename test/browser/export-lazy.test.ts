import { expect, waitUntil } from '@open-wc/testing';
import '../../src/components/export/define.js';
import { makeEntry } from '../fixtures/entries.js';
import { fakeSource } from './map-helpers/store.js';
import { mountExport } from './helpers/mount-export.js';

/** Module files this page has requested so far (the test server serves each source file by its path). */
const requested = (pattern: RegExp) =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => pattern.test(name));

const RUN = /\/src\/components\/export\/export-run\.ts/;
const TASK = /\/@lit\/task\//;

describe('<wsis-export> code loading', () => {
  const originalClick = HTMLAnchorElement.prototype.click;
  const originalCreate = URL.createObjectURL;
  afterEach(() => {
    HTMLAnchorElement.prototype.click = originalClick;
    URL.createObjectURL = originalCreate;
  });

  it('loads its run and @lit/task only on the first click', async () => {
    const source = fakeSource(() => ({}));
    source.search = async (params) => ({
      total: 1,
      page: params.page,
      pageSize: params.pageSize,
      items: [makeEntry('only')],
      facets: {},
      dropped: 0,
    });
    const { el } = await mountExport(source);
    // The element's own module is seen, so a module loaded with it would be too.
    expect(requested(/\/src\/components\/export\/export\.ts/), 'export element').to.have.length(1);
    expect(requested(RUN), 'export run before a click').to.deep.equal([]);
    expect(requested(TASK), '@lit/task before a click').to.deep.equal([]);

    const downloads: string[] = [];
    URL.createObjectURL = () => 'blob:test/1';
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    };
    let exported = false;
    el.addEventListener('wsis-export', () => (exported = true));
    el.shadowRoot!.querySelector<HTMLButtonElement>('.start[data-format="csv"]')!.click();
    await waitUntil(() => exported, 'no export');
    expect(downloads).to.have.length(1);
    expect(requested(RUN), 'export run after the click').to.have.length(1);
    expect(requested(TASK).length, '@lit/task after the click').to.be.greaterThan(0);
  });
});
