import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/action-line-filter/define.js';
import type { WsisActionLineFilter } from '../../src/components/action-line-filter/action-line-filter.js';
import type { Filters } from '../../src/data/query.js';
import { C7_SUBLINES, MAIN_ACTION_LINES } from '../../src/data/vocabulary.js';
import { $, $$, mount, settled, type MountOptions } from './filter-helpers/mount.js';

const setup = (options?: MountOptions) =>
  mount<WsisActionLineFilter>(html`<wsis-action-line-filter></wsis-action-line-filter>`, options);
const box = (el: WsisActionLineFilter, value: string) => $<HTMLInputElement>(el, `input[value="${value}"]`);
const row = (el: WsisActionLineFilter, value: string) => box(el, value).closest('label')!;

async function tick(el: WsisActionLineFilter, value: string) {
  box(el, value).click();
  await el.updateComplete;
}

describe('<wsis-action-line-filter>', () => {
  it('lists C1–C11 in a fieldset with translated names and counts', async () => {
    const { el, store } = await setup();
    expect($(el, 'legend').textContent!.trim()).to.equal('WSIS Action Lines');
    expect($(el, 'fieldset').contains($(el, 'legend'))).to.equal(true);
    for (const id of MAIN_ACTION_LINES) expect(box(el, id), id).to.exist;
    const c4 = row(el, 'C4');
    expect(c4.querySelector('.id')!.textContent).to.equal('C4');
    expect(c4.textContent).to.contain('Capacity building');
    const count = store.state.facets.actionLine!.C4;
    expect(c4.querySelector('[part="count"]')!.textContent).to.equal(String(count));
    expect(c4.textContent).to.contain(`${count} entries`);
  });

  it('ticks a line through the store without moving focus or replacing the input', async () => {
    const { el, store } = await setup();
    const c4 = box(el, 'C4');
    c4.focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(store.state.filters.actionLine).to.deep.equal(['C4']);
    expect(store.params().filters.actionLine).to.deep.equal(['C4']);
    expect(box(el, 'C4')).to.equal(c4);
    expect(el.shadowRoot!.activeElement).to.equal(c4);
    expect(c4.checked).to.equal(true);
    await settled(store, el);
    expect(el.shadowRoot!.activeElement).to.equal(c4);
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(store.state.filters.actionLine).to.equal(undefined);
    expect(c4.checked).to.equal(false);
  });

  it('updates counts with every search', async () => {
    const { el, store } = await setup();
    store.submit('telemedicine');
    await settled(store, el);
    const count = store.state.facets.actionLine?.C4 ?? 0;
    expect(row(el, 'C4').querySelector('[part="count"]')!.textContent).to.equal(String(count));
  });

  it('shows the C7 sub-lines behind a disclosure button', async () => {
    const { el } = await setup();
    const toggle = $<HTMLButtonElement>(el, '[part="toggle"]');
    const list = el.shadowRoot!.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(list.hidden).to.equal(true);
    expect(toggle.getAttribute('aria-label')).to.equal('Show C7 sub-lines');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(list.hidden).to.equal(false);
    expect(list.querySelectorAll('input[type="checkbox"]').length).to.equal(C7_SUBLINES.length);
    expect(list.textContent).to.contain('E-health');
  });

  it('makes C7 a tri-state parent of its sub-lines', async () => {
    const { el, store } = await setup();
    store.setFilter('actionLine', ['C7.e-health']);
    await el.updateComplete;
    expect($(el, '[part="toggle"]').getAttribute('aria-expanded'), 'opens for a chosen sub-line').to.equal('true');
    expect(box(el, 'C7').indeterminate).to.equal(true);
    expect(box(el, 'C7').checked).to.equal(false);
    expect(box(el, 'C7.e-health').checked).to.equal(true);

    // The parent selects all of C7 and clears the sub-lines.
    await tick(el, 'C7');
    expect(store.state.filters.actionLine).to.deep.equal(['C7']);
    expect(box(el, 'C7').checked).to.equal(true);
    expect(box(el, 'C7').indeterminate).to.equal(false);
    expect(box(el, 'C7.e-health').checked).to.equal(false);

    // A sub-line narrows: the bare C7 goes.
    await tick(el, 'C7.e-learning');
    expect(store.state.filters.actionLine).to.deep.equal(['C7.e-learning']);
    expect(box(el, 'C7').indeterminate).to.equal(true);

    await tick(el, 'C7.e-learning');
    expect(store.state.filters.actionLine).to.equal(undefined);
    expect(box(el, 'C7').indeterminate).to.equal(false);
  });

  it('keeps other lines when C7 changes', async () => {
    const { el, store } = await setup();
    await tick(el, 'C2');
    await tick(el, 'C7');
    expect(store.state.filters.actionLine).to.deep.equal(['C2', 'C7']);
    await tick(el, 'C7');
    expect(store.state.filters.actionLine).to.deep.equal(['C2']);
  });

  it('marks lines with no entries but keeps them operable', async () => {
    const { el, store } = await setup({ facets: { actionLine: { C1: 4, C7: 2, 'C7.e-health': 2 } } });
    const c2 = row(el, 'C2');
    expect(c2.classList.contains('zero')).to.equal(true);
    expect(c2.getAttribute('part')).to.contain('option-empty');
    expect(c2.textContent).to.contain('no entries');
    expect(row(el, 'C1').classList.contains('zero')).to.equal(false);
    expect(box(el, 'C2').disabled).to.equal(false);
    await tick(el, 'C2');
    expect(store.state.filters.actionLine).to.deep.equal(['C2']);
  });

  it('shows scope values as fixed and lists only what is inside the scope', async () => {
    const scope: Filters = { actionLine: ['C4', 'C7'] };
    const { el, store } = await setup({ scope });
    expect(box(el, 'C4').checked).to.equal(true);
    expect(box(el, 'C4').disabled).to.equal(true);
    expect(row(el, 'C4').textContent).to.contain('fixed by this site');
    expect(box(el, 'C7').disabled).to.equal(true);
    expect(el.shadowRoot!.querySelector('input[value="C1"]')).to.equal(null);
    // A sub-line of a scoped C7 may narrow it.
    $(el, '[part="toggle"]').click();
    await el.updateComplete;
    expect(box(el, 'C7.e-health').disabled).to.equal(false);
    await tick(el, 'C7.e-health');
    expect(store.params().filters.actionLine).to.deep.equal(['C7.e-health']);
  });

  it('is accessible with C7 expanded', async () => {
    const { el, store } = await setup();
    store.setFilter('actionLine', ['C4', 'C7.e-health']);
    await settled(store, el);
    expect($$(el, '#c7-sublines input').length).to.equal(8);
    await expect(el).to.be.accessible();
  });
});
