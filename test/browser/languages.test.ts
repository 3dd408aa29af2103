import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/stocktaking/define.js';
import '../../src/components/entry-list/define.js';
import '../../src/components/entry-detail/define.js';
import '../../src/components/search-box/define.js';
import '../../src/components/action-line-filter/define.js';
import '../../src/components/facet-filter/define.js';
import '../../src/components/filter-chips/define.js';
import { ar } from '../../src/i18n/ar.js';
import { en, type MessageKey, type Messages } from '../../src/i18n/en.js';
import { es } from '../../src/i18n/es.js';
import { fr } from '../../src/i18n/fr.js';
import { LANGS, onMessages, setMessageLoader, t, watchLookups, type Lang } from '../../src/i18n/index.js';
import { ru } from '../../src/i18n/ru.js';
import { zh } from '../../src/i18n/zh.js';
import type { WsisStocktaking } from '../../src/components/stocktaking/stocktaking.js';
import { deepQuery, found, shadowRoots, until } from './helpers/dom.js';
import { API, mockApi } from './helpers/mock-api.js';

const CATALOGUES: Record<Lang, Messages> = { ar, zh, en, fr, ru, es };
const SHOWN_ATTRIBUTES = ['aria-label', 'placeholder', 'title', 'alt'];
/** Words French spells as English does; any other text equal to English is an untranslated copy. */
const SAME_AS_ENGLISH: Partial<Record<Lang, MessageKey[]>> = {
  fr: ['search.suggestions', 'results.pages', 'results.page', 'prize.champion', 'region.europe'],
};
/** Patterns such as `{label}, {kind}` have nothing to translate. */
const onlyPlaceholders = (message: string) => !/\p{L}/u.test(message.replace(/\{[^}]*\}/g, ''));

/** Every text node and labelling attribute under the widget, shadow roots included. */
function shownStrings(el: Element): string[] {
  const out: string[] = [];
  for (const root of [el, ...shadowRoots(el)]) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node instanceof Text) {
        if (node.parentElement?.closest('style')) continue;
        const value = node.data.replace(/\s+/g, ' ').trim();
        if (value) out.push(value);
      } else if (node instanceof Element) {
        for (const name of SHOWN_ATTRIBUTES) {
          const value = node.getAttribute(name)?.trim();
          if (value) out.push(value);
        }
      }
    }
  }
  return out;
}

/** The directions set inside the widget: its own base and each part's root; `auto` marks entry text. */
const dirs = (el: Element) =>
  [el.shadowRoot!, ...shadowRoots(el)]
    .flatMap((root) => [...root.querySelectorAll('[dir]')])
    .map((e) => e.getAttribute('dir'))
    .filter((d) => d !== 'auto');

describe('languages', function () {
  this.timeout(30000);
  /** Keys looked up while each language was rendered, and whether it had its own text. */
  const lookups = new Map<Lang, Map<MessageKey, boolean>>();

  before(async () => {
    // As the script build does: each catalogue arrives as JSON through the loader, not as a module.
    setMessageLoader(async (lang) => JSON.parse(JSON.stringify(CATALOGUES[lang])));
    const pending = new Set<Lang>(LANGS.filter((lang) => lang !== 'en'));
    const arrived = new Promise<void>((resolve) => {
      const stop = onMessages(() => {
        for (const lang of pending) {
          if (t(lang, 'widget.label') === CATALOGUES[lang]['widget.label']) pending.delete(lang);
        }
        if (pending.size) return;
        stop();
        resolve();
      });
    });
    for (const lang of pending) t(lang, 'widget.label');
    await arrived;
    watchLookups((lang, key, own) => {
      if (!lookups.has(lang)) lookups.set(lang, new Map());
      const seen = lookups.get(lang)!;
      seen.set(key, (seen.get(key) ?? true) && own);
    });
  });
  after(() => watchLookups());
  beforeEach(() => mockApi());

  /** Renders the whole widget and opens what is closed at first, so those texts are looked up too. */
  async function render(lang: Lang): Promise<WsisStocktaking> {
    const el = await fixture<WsisStocktaking>(
      html`<wsis-stocktaking api=${API} lang=${lang} page-size="5"></wsis-stocktaking>`,
    );
    await until(() => el.store?.state.status === 'ready', `no results in ${lang}`);
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLDetailsElement>('details.filters')!.open = true;
    const toggle = await found<HTMLButtonElement>(el, 'wsis-action-line-filter');
    toggle.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
    const list = el.shadowRoot!.querySelector('wsis-entry-list')!;
    await until(() => list.shadowRoot!.querySelector('.entry .open'), `no entries in ${lang}`);
    list.shadowRoot!.querySelector<HTMLButtonElement>('.entry .open')!.click();
    await until(() => deepQuery(el, 'dialog[open] dl'), `no entry detail in ${lang}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    return el;
  }

  for (const lang of LANGS) {
    it(`renders ${lang} with its own text for every key, in ${lang === 'ar' ? 'rtl' : 'ltr'}`, async () => {
      lookups.delete(lang);
      const el = await render(lang);
      const own = CATALOGUES[lang];

      const base = el.shadowRoot!.querySelector('.base')!;
      expect(base.getAttribute('lang')).to.equal(lang);
      expect(base.getAttribute('aria-label')).to.equal(own['widget.label']);
      const expectedDir = lang === 'ar' ? 'rtl' : 'ltr';
      const shown = dirs(el);
      // Search box, filters, chips, list, detail and the wrapper each set it.
      expect(shown.length).to.be.greaterThan(5);
      expect(shown.filter((d) => d !== expectedDir)).to.deep.equal([]);

      const seen = lookups.get(lang) ?? new Map<MessageKey, boolean>();
      // A broken hook would pass everything below, so the render must have looked up a fair share.
      expect(seen.size).to.be.greaterThan(60);
      const fellBack = [...seen].filter(([, had]) => !had).map(([key]) => key);
      expect(fellBack, `${lang} showed English for`).to.deep.equal([]);

      if (lang !== 'en') {
        const copied = [...seen.keys()].filter(
          (key) => own[key] === en[key] && !onlyPlaceholders(en[key]) && !SAME_AS_ENGLISH[lang]?.includes(key),
        );
        expect(copied, `${lang} copies English for`).to.deep.equal([]);
      }

      const strings = shownStrings(el);
      const rawKeys = strings.filter((s) => s in en);
      expect(rawKeys, `raw keys shown in ${lang}`).to.deep.equal([]);
      if (lang !== 'en') {
        // English texts that this language words differently must not appear as they are.
        const english = new Set<string>(
          (Object.keys(en) as MessageKey[])
            .filter((key) => !en[key].includes('{') && en[key] !== own[key])
            .map((key) => en[key]),
        );
        const leaked = strings.filter((s) => english.has(s));
        expect(leaked, `English shown in ${lang}`).to.deep.equal([]);
      }
    });
  }

  it('every language has every key that any language looked up', () => {
    const used = new Set([...lookups.values()].flatMap((seen) => [...seen.keys()]));
    expect(used.size).to.be.greaterThan(60);
    for (const lang of LANGS) {
      const missing = [...used].filter((key) => typeof CATALOGUES[lang][key] !== 'string' || !CATALOGUES[lang][key]);
      expect(missing, `${lang} lacks`).to.deep.equal([]);
    }
  });
});
