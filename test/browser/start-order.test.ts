import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/components/stocktaking/define.js';
import '../../src/components/entry-list/define.js';
import '../../src/components/search-box/define.js';
import '../../src/components/action-line-filter/define.js';
import '../../src/components/facet-filter/define.js';
import '../../src/components/filter-chips/define.js';
import '../../src/components/export/define.js';
import '../../src/components/country-map/define.js';
import type { WsisStocktaking } from '../../src/components/stocktaking/stocktaking.js';
import { ResultsFirstController, SHELL_WAIT_MS } from '../../src/components/stocktaking/results-first.js';
import { until } from './helpers/dom.js';
import { API, holdSearches, mockApi, requests } from './helpers/mock-api.js';

interface Frame {
  searchBox: boolean;
  result: boolean;
  skeleton: boolean;
  side: boolean;
  /** Where the first result starts, or NaN. */
  top: number;
}

/** What each animation frame shows, from now until `stop()`. */
function watchFrames(el: WsisStocktaking) {
  const frames: Frame[] = [];
  let on = true;
  const look = () => {
    const root = el.shadowRoot;
    const list = root?.querySelector('wsis-entry-list')?.shadowRoot;
    frames.push({
      searchBox: !!root?.querySelector('wsis-search-box'),
      result: !!list?.querySelector('.entry'),
      skeleton: !!list?.querySelector('.skeleton'),
      side: !!root?.querySelector('wsis-country-map, wsis-facet-filter, wsis-action-line-filter'),
      top: list?.querySelector('.entry')?.getBoundingClientRect().top ?? NaN,
    });
    if (on) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
  return { frames, stop: () => (on = false) };
}

const describeFrames = (frames: Frame[]) =>
  frames
    .map((f) =>
      [f.searchBox && 'box', f.result && 'result', f.skeleton && 'skeleton', f.side && 'side'].filter(Boolean),
    )
    .map((f) => f.join('+') || 'empty')
    .join(', ');

describe('<wsis-stocktaking> start order: the first answer comes first', function () {
  this.timeout(30000);
  let el: WsisStocktaking | undefined;
  beforeEach(async () => {
    await mockApi();
    await setViewport({ width: 1280, height: 800 });
  });
  afterEach(() => {
    el?.remove();
    el = undefined;
    ResultsFirstController.shellWaitMs = SHELL_WAIT_MS;
  });
  after(() => setViewport({ width: 800, height: 600 }));

  function mount(): WsisStocktaking {
    el = document.createElement('wsis-stocktaking') as WsisStocktaking;
    el.setAttribute('api', API);
    document.body.append(el);
    return el;
  }

  it('shows the search box and the first results in one frame, not an empty shell first', async () => {
    // However slow this machine is, the answer comes within the wait.
    ResultsFirstController.shellWaitMs = 60_000;
    const release = holdSearches();
    const widget = mount();
    const { frames, stop } = watchFrames(widget);
    await until(() => requests.length === 1, 'the first search was not sent');
    await new Promise((resolve) => setTimeout(resolve, SHELL_WAIT_MS));
    expect(describeFrames(frames.slice(-1)), 'while the answer is on its way').to.equal('empty');
    release();
    await until(() => frames.some((f) => f.result), 'no result was shown');
    stop();
    const first = frames.find((f) => f.searchBox);
    expect(first, describeFrames(frames)).to.deep.include({ searchBox: true, result: true });
  });

  it('shows the shell with placeholders when the first answer takes longer', async () => {
    const release = holdSearches();
    const widget = mount();
    const { frames, stop } = watchFrames(widget);
    await until(() => frames.some((f) => f.searchBox), 'the shell never appeared', SHELL_WAIT_MS * 10);
    expect(
      frames.find((f) => f.searchBox),
      describeFrames(frames),
    ).to.deep.include({
      result: false,
      skeleton: true,
    });
    release();
    await until(() => frames.some((f) => f.result), 'no result was shown');
    stop();
  });

  it('adds the map and the filters only after the first results have painted', async () => {
    const widget = mount();
    const { frames, stop } = watchFrames(widget);
    await until(() => frames.some((f) => f.side), 'the map and filters never came', 8000);
    // A few frames more, once they have rendered.
    await new Promise((resolve) => setTimeout(resolve, 300));
    stop();
    const firstResult = frames.findIndex((f) => f.result);
    const firstSide = frames.findIndex((f) => f.side);
    expect(firstResult, describeFrames(frames)).to.be.at.least(0);
    expect(firstSide, describeFrames(frames)).to.be.above(firstResult);
    // Their room was kept: the list did not move when they came.
    const tops = [...new Set(frames.slice(firstResult).map((f) => Math.round(f.top)))];
    expect(tops, describeFrames(frames)).to.have.length(1);
  });

  it('updateComplete waits for the layout, so the parts are there once it resolves', async () => {
    const widget = mount();
    await widget.updateComplete;
    expect(widget.shadowRoot!.querySelector('wsis-search-box')).to.not.equal(null);
    expect(widget.shadowRoot!.querySelector('wsis-entry-list')).to.not.equal(null);
  });
});
