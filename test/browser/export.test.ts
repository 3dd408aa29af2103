import { expect, waitUntil } from '@open-wc/testing';
import '../../src/components/export/define.js';
import type { WsisExport } from '../../src/components/export/export.js';
import type { Entry } from '../../src/data/entry.js';
import { EXPORT_CAP } from '../../src/data/export.js';
import type { SearchParams } from '../../src/data/query.js';
import { SourceError, type DataSource, type SourceResponse } from '../../src/data/source.js';
import { t } from '../../src/i18n/index.js';
import { makeEntry } from '../fixtures/entries.js';
import { mountExport } from './helpers/mount-export.js';

/** Pages over a list (or a made-up list of `total` entries); while `hold` is set, each search waits for `release()`. */
class PagedSource implements DataSource {
  calls: SearchParams[] = [];
  signals: AbortSignal[] = [];
  /** Searches that have answered or failed. */
  settled = 0;
  hold = false;
  failWith?: SourceError;
  #waiting: (() => void)[] = [];

  constructor(
    readonly entries: Entry[],
    readonly total = entries.length,
  ) {}

  search(params: SearchParams, signal: AbortSignal): Promise<SourceResponse> {
    const answer = this.#answer(params, signal);
    void answer.then(
      () => this.settled++,
      () => this.settled++,
    );
    return answer;
  }

  async #answer(params: SearchParams, signal: AbortSignal): Promise<SourceResponse> {
    this.calls.push(params);
    this.signals.push(signal);
    if (this.hold) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    if (signal.aborted) throw new SourceError('aborted', 'aborted');
    if (this.failWith) throw this.failWith;
    const start = (params.page - 1) * params.pageSize;
    const end = Math.min(start + params.pageSize, this.total);
    const items = Array.from(
      { length: Math.max(0, end - start) },
      (_, i) => this.entries[start + i] ?? makeEntry(`e${start + i}`),
    );
    return { total: this.total, page: params.page, pageSize: params.pageSize, items, facets: {}, dropped: 0 };
  }

  async getEntry(id: string): Promise<Entry> {
    return makeEntry(id);
  }

  release(): void {
    for (const resolve of this.#waiting.splice(0)) resolve();
  }
}

async function setup(source: PagedSource) {
  const { el, store } = await mountExport(source);
  source.calls.length = 0;
  source.signals.length = 0;
  return { el, store };
}

const button = (el: WsisExport, selector: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(selector)!;

/** Reads one CSV line into raw cells, quotes kept, so a test can see how each cell was written. */
function rawCells(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i <= line.length) {
    let end = i;
    if (line[i] === '"') {
      end = i + 1;
      while (end < line.length && !(line[end] === '"' && line[end + 1] !== '"')) end += line[end] === '"' ? 2 : 1;
      end++;
    } else {
      while (end < line.length && line[end] !== ',') end++;
    }
    cells.push(line.slice(i, end));
    i = end + 1;
  }
  return cells;
}

describe('<wsis-export>', () => {
  const originalCreate = URL.createObjectURL;
  const originalRevoke = URL.revokeObjectURL;
  const originalClick = HTMLAnchorElement.prototype.click;
  let blobs: Blob[];
  let revoked: string[];
  let downloads: { href: string; download: string }[];

  beforeEach(() => {
    blobs = [];
    revoked = [];
    downloads = [];
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return `blob:test/${blobs.length}`;
    };
    URL.revokeObjectURL = (url: string) => void revoked.push(url);
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      downloads.push({ href: this.href, download: this.download });
    };
  });

  afterEach(() => {
    URL.createObjectURL = originalCreate;
    URL.revokeObjectURL = originalRevoke;
    HTMLAnchorElement.prototype.click = originalClick;
  });

  it('writes titles that start with =, +, - or @ as quoted text in the CSV', async () => {
    const titles = ['=HYPERLINK("http://evil.example","Click")', '+1+1', '-2+3', '@SUM(A1:A9)'];
    const { el } = await setup(new PagedSource(titles.map((title, i) => makeEntry(`f${i}`, { title }))));
    button(el, '.start[data-format="csv"]').click();
    await waitUntil(() => blobs.length === 1, 'no file was made');

    expect(blobs[0].type).to.equal('text/csv;charset=utf-8');
    expect(downloads).to.have.length(1);
    expect(downloads[0].href).to.equal('blob:test/1');
    expect(downloads[0].download).to.match(/^wsis-stocktaking-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await blobs[0].text())
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).to.have.length(titles.length + 1);
    const titleColumn = rawCells(lines[0]).indexOf('title');
    lines.slice(1).forEach((line, i) => {
      const cell = rawCells(line)[titleColumn];
      expect(cell.startsWith(`"'`), cell).to.equal(true);
      expect(cell.slice(1, -1).replace(/""/g, '"')).to.equal(`'${titles[i]}`);
    });
    await waitUntil(() => revoked.includes('blob:test/1'), 'the object URL was not revoked', { timeout: 3000 });
  });

  it('exports every page as JSON with the query and total', async () => {
    const source = new PagedSource([], 250);
    const { el, store } = await setup(source);
    store.setSort('title');
    await waitUntil(() => store.state.status === 'ready');
    source.calls.length = 0;
    button(el, '.start[data-format="json"]').click();
    await waitUntil(() => blobs.length === 1, 'no file was made');

    expect(source.calls.map((c) => c.page)).to.deep.equal([1, 2, 3]);
    expect(downloads[0].download).to.match(/^wsis-stocktaking-\d{4}-\d{2}-\d{2}\.json$/);
    const body = JSON.parse(await blobs[0].text());
    expect(Object.keys(body)).to.deep.equal(['exported', 'query', 'total', 'entries']);
    expect(new Date(body.exported).toISOString()).to.equal(body.exported);
    expect(body.query).to.include({ q: '', sort: 'title' });
    expect(body.total).to.equal(250);
    expect(body.entries).to.have.length(250);
    expect(body.entries[249].id).to.equal('e249');
  });

  it('stops at the cap and says so', async () => {
    const { el } = await setup(new PagedSource([], EXPORT_CAP + 700));
    button(el, '.start[data-format="json"]').click();
    await waitUntil(() => blobs.length === 1, 'no file was made', { timeout: 8000 });
    const body = JSON.parse(await blobs[0].text());
    expect(body.entries).to.have.length(EXPORT_CAP);
    expect(body.total).to.equal(EXPORT_CAP + 700);
    await el.updateComplete;
    const note = button(el, '[role="status"]');
    expect(note.textContent!.trim()).to.equal(t('en', 'export.capped', { n: EXPORT_CAP }));
  });

  it('shows progress and sends no further request once cancelled', async () => {
    const source = new PagedSource([], 900);
    const { el } = await setup(source);
    source.hold = true;
    const start = button(el, '.start[data-format="csv"]');
    start.click();
    await waitUntil(() => source.calls.length === 1);
    await el.updateComplete;
    const progress = el.shadowRoot!.querySelector('progress')!;
    expect(progress).to.exist;
    expect(progress.getAttribute('part')).to.equal('progress');
    expect(start.getAttribute('aria-disabled')).to.equal('true');

    // Let two pages through, then cancel while the third is in flight.
    source.release();
    await waitUntil(() => source.calls.length === 2);
    source.release();
    await waitUntil(() => source.calls.length === 3);
    await waitUntil(() => progress.value === 200, 'progress did not move');
    expect(el.shadowRoot!.querySelector('.progress-text')!.textContent).to.equal('Exporting 200 of 900…');
    const cancel = button(el, '.cancel');
    cancel.focus();
    cancel.click();
    source.release();
    const sent = source.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    await el.updateComplete;

    expect(source.calls.length).to.equal(sent);
    expect(sent).to.equal(3);
    expect(blobs).to.have.length(0);
    expect(el.shadowRoot!.querySelector('progress')).to.equal(null);
    expect(button(el, '[role="status"]').textContent!.trim()).to.equal('Export cancelled.');
    expect(el.shadowRoot!.activeElement).to.equal(start);
    expect(start.getAttribute('aria-disabled')).to.equal('false');
  });

  it('cancel() aborts the request in flight, says so, and the next export starts afresh', async () => {
    const source = new PagedSource([], 450);
    const { el } = await setup(source);
    source.hold = true;
    button(el, '.start[data-format="json"]').click();
    await waitUntil(() => source.calls.length === 1);
    el.cancel();
    expect(source.signals[0].aborted, 'the signal reaches the source').to.equal(true);
    source.release();
    await waitUntil(() => button(el, '[role="status"]').textContent!.trim() === 'Export cancelled.', 'no notice');
    expect(source.calls).to.have.length(1);
    expect(blobs).to.have.length(0);

    source.hold = false;
    button(el, '.start[data-format="csv"]').click();
    await waitUntil(() => blobs.length === 1, 'no file was made');
    await el.updateComplete;
    expect(source.calls.map((c) => c.page)).to.deep.equal([1, 1, 2, 3, 4, 5]);
    expect(button(el, '[role="status"]').textContent!.trim()).to.equal('');
    expect(el.shadowRoot!.querySelector('progress')).to.equal(null);
  });

  it('taken off the page mid-export, sends nothing more and has nothing to say when back', async () => {
    const source = new PagedSource([], 450);
    const { el } = await setup(source);
    const provider = el.parentElement!;
    source.hold = true;
    const start = button(el, '.start[data-format="csv"]');
    start.click();
    await waitUntil(() => source.calls.length === 1);
    el.remove();
    expect(source.signals[0].aborted).to.equal(true);
    source.release();
    await waitUntil(() => source.settled === 1);
    // What follows the failed search is promise callbacks only, all run before the next task.
    await new Promise((resolve) => setTimeout(resolve, 0));
    provider.append(el);
    await el.updateComplete;
    expect(start.getAttribute('aria-disabled'), 'the run has ended').to.equal('false');
    expect(source.calls).to.have.length(1);
    expect(blobs).to.have.length(0);
    expect(button(el, '[role="status"]').textContent!.trim()).to.equal('');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('reports a failed export in an alert', async () => {
    const source = new PagedSource([], 10);
    const { el } = await setup(source);
    source.failWith = new SourceError('server', 'HTTP 503');
    button(el, '.start[data-format="csv"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'no alert');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain(t('en', 'export.failed'));
    expect(blobs).to.have.length(0);
  });

  it('is accessible idle and while exporting', async () => {
    const source = new PagedSource([], 450);
    const { el } = await setup(source);
    await expect(el).to.be.accessible();
    source.hold = true;
    button(el, '.start[data-format="json"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('progress'));
    await expect(el).to.be.accessible();
    el.cancel();
    source.release();
  });
});
