import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/facet-filter/define.js';
import '../../src/components/filter-chips/define.js';
import type { WsisFacetFilter } from '../../src/components/facet-filter/facet-filter.js';
import type { WsisFilterChips } from '../../src/components/filter-chips/filter-chips.js';
import { $, $$, mount, settled, type MountOptions } from './filter-helpers/mount.js';

const setup = (facet: string, options?: MountOptions) =>
  mount<WsisFacetFilter>(html`<wsis-facet-filter facet=${facet}></wsis-facet-filter>`, options);
const boxes = (el: Element) => $$<HTMLInputElement>(el, 'input[type="checkbox"]');
const box = (el: Element, value: string) => $<HTMLInputElement>(el, `input[value="${CSS.escape(value)}"]`);
const row = (el: Element, value: string) => box(el, value).closest('label')!;

describe('<wsis-facet-filter>', () => {
  it('lists SDGs with translated labels and counts, ten at first', async () => {
    const { el, store } = await setup('sdg');
    expect($(el, 'legend').textContent!.trim()).to.equal('Sustainable Development Goals');
    expect(boxes(el)).to.have.length(10);
    expect(row(el, '3').textContent).to.contain('SDG 3 · Good health and well-being');
    expect(row(el, '4').querySelector('[part="count"]')!.textContent).to.equal(String(store.state.facets.sdg!['4']));
    const more = $<HTMLButtonElement>(el, '[part="more-button"]');
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    expect(more.textContent!.trim()).to.equal('Show more');
    more.click();
    await el.updateComplete;
    expect(boxes(el)).to.have.length(17);
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    expect(more.textContent!.trim()).to.equal('Show less');
  });

  it('ticks values through the store without moving focus', async () => {
    const { el, store } = await setup('sdg');
    const sdg3 = box(el, '3');
    sdg3.focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(store.state.filters.sdg).to.deep.equal(['3']);
    await settled(store, el);
    expect(box(el, '3')).to.equal(sdg3);
    expect(el.shadowRoot!.activeElement).to.equal(sdg3);
    expect(store.params().filters.sdg).to.deep.equal(['3']);
  });

  it('keeps a chosen value beyond the first ten visible', async () => {
    const { el, store } = await setup('sdg');
    store.setFilter('sdg', ['17']);
    await el.updateComplete;
    expect(boxes(el)).to.have.length(11);
    expect(box(el, '17').checked).to.equal(true);
  });

  it('marks values with no entries and keeps them operable', async () => {
    const { el, store } = await setup('sdg');
    // The sample has no entry for SDG 7.
    expect(store.state.facets.sdg!['7']).to.equal(undefined);
    const seven = row(el, '7');
    expect(seven.classList.contains('zero')).to.equal(true);
    expect(seven.textContent).to.contain('no entries');
    box(el, '7').click();
    expect(store.state.filters.sdg).to.deep.equal(['7']);
  });

  it('lists regions, stakeholder types and statuses by name', async () => {
    for (const [facet, value, label] of [
      ['region', 'arab_states', 'Arab States'],
      ['entityType', 'civil_society', 'Civil society'],
      ['status', 'ongoing', 'Ongoing'],
    ]) {
      const { el, store } = await setup(facet);
      expect(row(el, value).textContent, facet).to.contain(label);
      box(el, value).click();
      expect(store.state.filters[facet as 'region']).to.deep.equal([value]);
    }
  });

  it('lists prizes without counts', async () => {
    const { el, store } = await setup('prize');
    expect(boxes(el).map((b) => b.value)).to.deep.equal(['nominee', 'champion', 'winner']);
    expect($$(el, '[part="count"]')).to.have.length(0);
    box(el, 'winner').click();
    expect(store.params().filters.prize).to.deep.equal(['winner']);
  });

  it('finds organizations and shows the largest ten first', async () => {
    const { el, store } = await setup('organization');
    expect(Object.keys(store.state.facets.organization!)).to.have.length(100);
    expect(boxes(el)).to.have.length(10);
    expect(boxes(el)[0].value).to.equal('International Telecommunication Union (ITU)');
    const find = $<HTMLInputElement>(el, '[part="search"]');
    expect(find.labels?.[0]?.textContent).to.contain('Find an organization');
    find.focus();
    await sendKeys({ type: 'world' });
    await el.updateComplete;
    expect(boxes(el).map((b) => b.value)).to.include('World Bank');
    box(el, 'World Bank').click();
    expect(store.state.filters.organization).to.deep.equal(['World Bank']);
    find.value = '';
    find.dispatchEvent(new Event('input'));
    find.focus();
    await sendKeys({ type: 'zzzz' });
    await el.updateComplete;
    expect(boxes(el).map((b) => b.value)).to.deep.equal([]);
    expect($(el, '[role="status"]').textContent).to.contain('Nothing matches “zzzz”');
    await expect(el).to.be.accessible();
  });

  it('applies a start-year range on Enter and on the button', async () => {
    const { el, store } = await setup('year');
    const [from, to] = $$<HTMLInputElement>(el, '[part="year-input"]');
    expect(from.labels?.[0]?.textContent).to.contain('From');
    expect(to.labels?.[0]?.textContent).to.contain('To');
    expect(from.min).to.equal('2004');
    expect(from.max).to.equal('2026');
    from.focus();
    await sendKeys({ type: '2015' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(store.state.yearFrom).to.equal(2015);
    expect(store.state.yearTo).to.equal(undefined);
    to.focus();
    await sendKeys({ type: '2010' });
    $(el, '[part="apply-button"]').click();
    await el.updateComplete;
    // The store orders a reversed range.
    expect(store.params()).to.include({ yearFrom: 2010, yearTo: 2015 });
    expect(from.value).to.equal('2010');
    expect(to.value).to.equal('2015');
    await expect(el).to.be.accessible();
  });

  it('keeps a year being typed while results arrive', async () => {
    const { el, store } = await setup('year');
    const [from] = $$<HTMLInputElement>(el, '[part="year-input"]');
    from.focus();
    await sendKeys({ type: '20' });
    store.submit('health');
    await settled(store, el);
    expect(from.value).to.equal('20');
  });

  it('shows scope values as fixed and hides values outside the scope', async () => {
    const { el, store } = await setup('region', { scope: { region: ['africa'] } });
    expect(boxes(el).map((b) => b.value)).to.deep.equal(['africa']);
    expect(box(el, 'africa').checked).to.equal(true);
    expect(box(el, 'africa').disabled).to.equal(true);
    expect(row(el, 'africa').textContent).to.contain('Africa (fixed by this site)');
    expect(store.params().filters.region).to.deep.equal(['africa']);
  });

  it('lets the visitor narrow within a scope of several values, never outside it', async () => {
    const { el, store } = await setup('region', { scope: { region: ['africa', 'europe'] } });
    expect(boxes(el).map((b) => b.value)).to.deep.equal(['africa', 'europe']);
    expect(box(el, 'europe').disabled).to.equal(false);
    expect(box(el, 'europe').checked).to.equal(false);
    box(el, 'europe').click();
    await settled(store, el);
    expect(store.params().filters.region).to.deep.equal(['europe']);
    box(el, 'europe').click();
    await settled(store, el);
    expect(store.params().filters.region).to.deep.equal(['africa', 'europe']);
  });

  it('shows a message and logs once for an unknown facet', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const { el } = await setup('colour');
      await setup('colour');
      expect($(el, '[part="error"]').textContent).to.contain('“colour” is not a known filter');
      expect(boxes(el)).to.have.length(0);
    } finally {
      console.error = original;
    }
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('sdg, entityType, region, status, organization, country, prize, year');
  });

  it('is accessible for SDGs', async () => {
    const { el } = await setup('sdg');
    await expect(el).to.be.accessible();
  });
});

describe('<wsis-filter-chips>', () => {
  const chips = (options?: MountOptions) =>
    mount<WsisFilterChips>(html`<wsis-filter-chips></wsis-filter-chips>`, options);
  const removeButtons = (el: Element) => $$<HTMLButtonElement>(el, '[part="remove-button"]');

  it('shows each active filter and the year range as a removable chip', async () => {
    const { el, store } = await chips();
    store.setFilter('region', ['africa']);
    store.setFilter('sdg', ['3']);
    store.setYears(2010, 2015);
    await el.updateComplete;
    const labels = $$(el, '[part~="chip"] .chip-label').map((c) => c.textContent);
    expect(labels).to.deep.equal([
      'Sustainable Development Goals: SDG 3 · Good health and well-being',
      'Region: Africa',
      'Start year: 2010–2015',
    ]);
    expect(removeButtons(el).map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'Remove filter Sustainable Development Goals: SDG 3 · Good health and well-being',
      'Remove filter Region: Africa',
      'Remove filter Start year: 2010–2015',
    ]);
  });

  it('moves focus to the next chip, then to Clear all, after a removal', async () => {
    const { el, store } = await chips();
    store.setFilter('region', ['africa', 'europe']);
    await el.updateComplete;
    removeButtons(el)[0].focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(store.state.filters.region).to.deep.equal(['europe']);
    expect(el.shadowRoot!.activeElement).to.equal(removeButtons(el)[0]);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(store.state.filters.region).to.equal(undefined);
    // Nothing left to remove: focus stays inside the element instead of falling to the page.
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="base"]'));
  });

  it('moves focus to Clear all after removing the last chip of several', async () => {
    const { el, store } = await chips();
    store.setFilter('region', ['africa']);
    store.setYears(2012, undefined);
    await el.updateComplete;
    removeButtons(el)[1].click();
    await el.updateComplete;
    await el.updateComplete;
    expect(store.state.yearFrom).to.equal(undefined);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="clear-all"]'));
  });

  it('shows scope filters as fixed chips that Clear all keeps', async () => {
    const { el, store } = await chips({ scope: { actionLine: ['C7'], country: ['RW'] } });
    store.setFilter('sdg', ['4']);
    await settled(store, el);
    const fixed = $$(el, '[part~="chip-fixed"]');
    expect(fixed.map((c) => c.textContent!.trim())).to.deep.equal([
      'Action line: C7 · ICT applications: benefits in all aspects of life (fixed by this site)',
      'Country: Rwanda (fixed by this site)',
    ]);
    expect(fixed.every((c) => !c.querySelector('button'))).to.equal(true);
    expect(removeButtons(el)).to.have.length(1);
    const clearAll = $<HTMLButtonElement>(el, '[part="clear-all"]');
    expect(clearAll.textContent!.trim()).to.equal('Clear all filters');
    await expect(el).to.be.accessible();
    clearAll.click();
    await el.updateComplete;
    expect(store.state.filters).to.deep.equal({});
    expect(store.params().filters).to.deep.equal({ actionLine: ['C7'], country: ['RW'] });
    expect($$(el, '[part~="chip-fixed"]')).to.have.length(2);
    expect(el.shadowRoot!.querySelector('[part="clear-all"]')).to.equal(null);
  });
});
