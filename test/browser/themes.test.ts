import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/stocktaking/define.js';
import '../../src/components/entry-list/define.js';
import '../../src/components/entry-detail/define.js';
import '../../src/components/search-box/define.js';
import '../../src/components/action-line-filter/define.js';
import '../../src/components/facet-filter/define.js';
import '../../src/components/filter-chips/define.js';
import '../../src/i18n/all.js';
import type { WsisStocktaking } from '../../src/components/stocktaking/stocktaking.js';
import { PRESET_NAMES } from '../../src/themes/presets.styles.js';
import { API, mockApi, requests } from './helpers/mock-api.js';
import { deepQuery, until } from './helpers/dom.js';

async function widget(attrs: string): Promise<WsisStocktaking> {
  const el = await fixture<WsisStocktaking>(
    html`<wsis-stocktaking api=${API} .theme=${attrs || undefined}></wsis-stocktaking>`,
  );
  await until(() => el.store?.state.status === 'ready', 'no results');
  await until(() => deepQuery(el, '[part~="entry"]'), 'no entries drawn');
  return el;
}

const colorOf = (el: Element) => getComputedStyle(el).color;

describe('themes', function () {
  this.timeout(60000);
  before(() => mockApi());

  for (const preset of PRESET_NAMES) {
    it(`renders the ${preset} preset with no contrast violation`, async () => {
      const el = await widget(preset);
      expect(el.getAttribute('theme')).to.equal(preset);
      await expect(el).to.be.accessible();
    });
  }

  it('presets change the colours', async () => {
    const light = await widget('default');
    const dark = await widget('dark');
    expect(getComputedStyle(dark).backgroundColor).not.to.equal(getComputedStyle(light).backgroundColor);
    expect(colorOf(dark)).to.equal('rgb(233, 238, 243)');
  });

  it('applies valid custom tokens and ignores invalid ones with a warning', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const el = await widget('');
      el.setAttribute(
        'tokens',
        JSON.stringify({
          'color-text': '#123456',
          'color-primary': 'red; background: url(https://evil.example/x)',
          'focus-ring-color': 'transparent',
          'font-size': '18px',
          'not-a-token': '#fff',
        }),
      );
      await el.updateComplete;
      expect(colorOf(el)).to.equal('rgb(18, 52, 86)');
      expect(getComputedStyle(el).fontSize).to.equal('18px');
      expect(el.style.getPropertyValue('--wsis-color-primary')).to.equal('');
      expect(el.style.getPropertyValue('--wsis-focus-ring-color')).to.equal('');
      expect(el.getAttribute('style') ?? '').not.to.contain('evil');
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('color-primary').and.contain('focus-ring-color').and.contain('not-a-token');
  });

  it('shows nothing in the preset colours while the first tokens load', async () => {
    const el = document.createElement('wsis-stocktaking') as WsisStocktaking;
    el.setAttribute('api', API);
    el.setAttribute('theme', 'dark');
    el.setAttribute('tokens', JSON.stringify({ 'color-surface': '#ffffff' }));
    // After the first render, in the same task: the tokens' code (a dynamic import) cannot be in yet.
    const first: string[] = [];
    el.addController({
      hostUpdated: () => {
        if (first.length) return;
        const base = el.shadowRoot!.querySelector('.base')!;
        first.push(el.style.getPropertyValue('--wsis-color-surface'), getComputedStyle(base).visibility);
      },
    });
    document.body.append(el);
    try {
      await el.updateComplete;
      expect(first).to.deep.equal(['', 'hidden']);
      const base = el.shadowRoot!.querySelector('.base')!;
      await until(() => getComputedStyle(base).visibility === 'visible', 'still hidden after the tokens');
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(255, 255, 255)');
    } finally {
      el.remove();
    }
  });

  it('keeps a visible focus ring whatever the theme sets', async () => {
    const el = await widget('');
    el.setAttribute('tokens', JSON.stringify({ 'focus-ring-width': '0px' }));
    await el.updateComplete;
    const input = deepQuery<HTMLInputElement>(el, 'input')!;
    // A key press first, so browsers treat the focus as keyboard focus (:focus-visible).
    await sendKeys({ press: 'Shift' });
    input.focus();
    await until(() => getComputedStyle(input).outlineStyle !== 'none', 'no outline');
    expect(parseFloat(getComputedStyle(input).outlineWidth)).to.be.at.least(2);
  });

  it('an unknown preset warns and falls back to the default', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      await widget('neon');
    } finally {
      console.warn = original;
    }
    expect(warnings.some((w) => w.includes('theme="neon"'))).to.equal(true);
  });
});

describe('privacy', function () {
  this.timeout(60000);
  it('a full session sets no cookie, uses no storage, and calls only the API and script origin', async () => {
    await mockApi();
    const cookie = document.cookie;
    const local = JSON.stringify({ ...localStorage });
    const session = JSON.stringify({ ...sessionStorage });
    const el = await widget('');
    el.store!.submit('health');
    await until(() => el.store!.state.status === 'ready' || el.store!.state.status === 'empty');
    el.store!.toggleFilter('actionLine', 'C7.e-health');
    await until(() => el.store!.state.status === 'ready' || el.store!.state.status === 'empty');
    el.store!.setSort('title');
    await until(() => el.store!.state.status === 'ready' || el.store!.state.status === 'empty');
    expect(document.cookie).to.equal(cookie);
    expect(JSON.stringify({ ...localStorage })).to.equal(local);
    expect(JSON.stringify({ ...sessionStorage })).to.equal(session);
    expect(requests.length).to.be.above(2);
    const origins = new Set(
      performance.getEntriesByType('resource').map((r) => new URL((r as PerformanceResourceTiming).name).origin),
    );
    for (const url of requests) origins.add(url.origin);
    expect([...origins]).to.deep.equal([location.origin]);
  });
});
