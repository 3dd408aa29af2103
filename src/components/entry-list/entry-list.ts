import { html, nothing, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Entry } from '../../data/entry.js';
import { effectiveSort, MAX_PAGE, SORTS, tokenize, type Sort } from '../../data/query.js';
import { t, type Lang, type MessageKey } from '../../i18n/index.js';
import { WsisElement } from '../../internal/wsis-element.js';
import type { SearchState } from '../../state/types.js';
import { baseStyles } from '../../themes/base.styles.js';
import { styles } from './entry-list.styles.js';
import { Announcer } from './announcer.js';
import { highlightTerms, type MarkFinder } from './excerpt.js';
import { derivedHeadingLevel, parseHeadingLevel, type HeadingLevel } from './heading.js';
import { renderItem } from './item.js';
import { renderPager } from './pager.js';

const SKELETONS = 3;

/**
 * @summary The results of a search: summary, sort, entries, paging and the entry detail.
 *
 * @attr for - The id of a `<wsis-stocktaking>` elsewhere on the page, when not placed inside one.
 * @attr lang - Interface language (default: the nearest `lang`).
 * @attr heading-level - Level of the entry title headings, 2–6 (default: one below the heading before the widget).
 *
 * @fires wsis-entry-open - When a visitor opens an entry: `{ id }`.
 *
 * @csspart list - The list of entries.
 * @csspart entry - Each entry.
 *
 * @cssproperty --wsis-color-highlight - Background of highlighted query words.
 * @cssproperty --wsis-color-primary - Titles, chips and buttons.
 */
export class WsisEntryList extends WsisElement {
  static override styles = [baseStyles, styles];
  static override properties: PropertyDeclarations = {
    lang: { reflect: true },
    headingLevel: { attribute: 'heading-level' },
  };
  static override rendersAnswersFirst = true;

  override lang!: string;
  headingLevel?: string | number;

  /** Where focus goes once the next results arrive: the entry at this index. */
  #focusIndex?: number;
  #appending = false;
  #derivedLevel: HeadingLevel = 3;
  /** The detail is rendered from the first opened entry on, so its code loads only then. */
  #detailWanted = false;
  #announcer = new Announcer(() => this.requestUpdate());

  override connectedCallback(): void {
    super.connectedCallback();
    this.#derivedLevel = derivedHeadingLevel(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#announcer.dispose();
  }

  protected override render() {
    const lang = this.localize.lang;
    const s = this.store?.state;
    this.#detailWanted ||= !!s?.openEntryId;
    const summary = s ? this.#summary(lang, s) : '';
    const counted = s?.status === 'ready' || s?.status === 'empty';
    this.#announcer.update(summary, counted, s?.query.trim() ?? '');
    // The visible summary follows every answer; screen readers hear the live region, which waits for typing to settle.
    return html`<div class="base" dir=${this.localize.dir}>
      <div class="bar">
        <p class="summary" aria-hidden="true">${summary}</p>
        <p class="visually-hidden" role="status" aria-live="polite">${this.#announcer.text}</p>
        ${s ? this.#sort(lang, s) : nothing}
      </div>
      ${s ? this.#body(lang, s) : nothing}
      ${
        this.#detailWanted
          ? html`<wsis-entry-detail for=${ifDefined(this.for)} lang=${lang}></wsis-entry-detail>`
          : nothing
      }
    </div>`;
  }

  override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    const s = this.store?.state;
    if (!s || s.status === 'loading' || s.status === 'stalled') return;
    this.#appending = false;
    if (this.#focusIndex === undefined) return;
    const index = this.#focusIndex;
    this.#focusIndex = undefined;
    const target =
      s.status === 'ready'
        ? this.renderRoot.querySelector<HTMLElement>(`.open[data-index="${index}"]`)
        : this.renderRoot.querySelector<HTMLElement>('.retry, .clear');
    target?.focus();
  }

  #summary(lang: Lang, s: Readonly<SearchState>) {
    if (s.status === 'stalled') return t(lang, 'results.stalled');
    // The total on show belongs to the previous search; only "load more" keeps query and total.
    if (s.status === 'idle') return t(lang, 'results.loading');
    if (s.status === 'loading' && !this.#appending) return t(lang, 'results.searching');
    if (s.status === 'error' || s.status === 'offline') return '';
    return s.query.trim()
      ? t(lang, 'results.countQuery', { n: s.total, query: s.query.trim() })
      : t(lang, 'results.count', { n: s.total });
  }

  #sort(lang: Lang, s: Readonly<SearchState>) {
    const hasText = tokenize(s.query).length > 0;
    const current = effectiveSort({ q: s.query, sort: s.sort });
    const sorts = SORTS.filter((sort) => hasText || sort !== 'relevance');
    return html`<div class="sort">
      <label for="sort">${t(lang, 'results.sort')}</label>
      <select id="sort" @change=${(e: Event) => this.store?.setSort((e.target as HTMLSelectElement).value as Sort)}>
        ${sorts.map((sort) => html`<option value=${sort} ?selected=${sort === current}>${t(lang, `sort.${sort}`)}</option>`)}
      </select>
    </div>`;
  }

  #find?: MarkFinder;
  #findRequested = false;

  /**
   * The highlighting's matcher, loaded with the first query that has words: until it is in (a frame or
   * two, usually before the answer), results show unmarked; a failed load leaves them unmarked.
   */
  #markFinder(terms: readonly string[]): MarkFinder | undefined {
    if (this.#find || !terms.length || this.#findRequested) return this.#find;
    this.#findRequested = true;
    import('./marks.js').then(
      (module) => {
        this.#find = module.marks;
        this.requestUpdate();
      },
      // Results stay readable, only unmarked; the browser's console already names the failed file.
      () => undefined,
    );
    return undefined;
  }

  #rendered?: { results: readonly Entry[]; look: string; marks: string; items: unknown[] };

  /**
   * The results' templates, made again only when results, language, heading level or highlighting
   * change. While a new text is searched the results on show still answer the old one: they keep
   * their marks, and a key costs no re-render of the list.
   */
  #items(
    results: readonly Entry[],
    stale: boolean,
    look: string,
    marks: string,
    render: (entry: Entry, i: number) => unknown,
  ) {
    const last = this.#rendered;
    if (last?.results === results && last.look === look && (stale || last.marks === marks)) return last.items;
    const items = results.map(render);
    this.#rendered = { results, look, marks, items };
    return items;
  }

  #body(lang: Lang, s: Readonly<SearchState>) {
    const notices = html`${s.corrections.map((c) => html`<p class="notice corrected">${t(lang, 'results.corrected', { from: c.from, to: c.to })}</p>`)}
    ${s.dropped > 0 ? html`<p class="notice dropped">${t(lang, 'results.dropped', { n: s.dropped })}</p>` : nothing}`;
    switch (s.status) {
      case 'error':
      case 'offline':
        return this.#problem(lang, s);
      case 'empty':
        return html`${notices}${this.#empty(lang, s)}`;
    }
    const busy = s.status === 'loading' || s.status === 'stalled' || s.status === 'idle';
    const replacing = busy && !this.#appending;
    const terms = highlightTerms(s.query, s.corrections);
    const find = this.#markFinder(terms);
    const level = parseHeadingLevel(this.headingLevel) ?? this.#derivedLevel;
    const items = this.#items(s.results, replacing, `${lang} ${level}`, [!!find, ...terms].join('\u0000'), (entry, i) =>
      renderItem(lang, entry, i, terms, this.#open, level, find),
    );
    const skeletons = busy && (this.#appending || !s.results.length);
    const last = Math.min(Math.ceil(s.total / s.pageSize), MAX_PAGE);
    return html`${notices}
      <ul class="list ${replacing && s.results.length ? 'stale' : ''}" part="list" aria-busy=${busy ? 'true' : 'false'}>
        ${repeat(
          !replacing || s.results.length ? s.results : [],
          (entry) => entry.id,
          (_entry, i) => items[i],
        )}
        ${skeletons ? Array.from({ length: SKELETONS }, () => html`<li class="skeleton" aria-hidden="true"><span></span><span></span><span></span></li>`) : nothing}
      </ul>
      ${
        s.results.length < s.total && (s.status === 'ready' || this.#appending)
          ? html`<button type="button" class="more" aria-disabled=${busy ? 'true' : 'false'} @click=${this.#loadMore}>
              ${t(lang, 'results.loadMore')}
            </button>`
          : nothing
      }
      ${s.total ? renderPager(lang, s.page, last, (page) => this.#goTo(page)) : nothing}`;
  }

  #empty(lang: Lang, s: Readonly<SearchState>) {
    const filtered = Object.keys(s.filters).length > 0 || s.yearFrom !== undefined || s.yearTo !== undefined;
    return html`<div class="empty">
      <p>${t(lang, 'results.empty')}</p>
      <p>${t(lang, 'results.emptyHint')}</p>
      ${filtered ? html`<button type="button" class="clear" @click=${() => this.store?.clearFilters()}>${t(lang, 'results.removeFilters')}</button>` : nothing}
    </div>`;
  }

  #problem(lang: Lang, s: Readonly<SearchState>) {
    const reason =
      s.status === 'offline'
        ? t(lang, 'results.offline')
        : `${t(lang, 'results.error')} ${t(lang, `error.${s.error?.code ?? 'http'}` as MessageKey)}`;
    return html`<div class="problem" role="alert">
      <p>${reason}</p>
      <button type="button" class="retry" @click=${() => this.store?.retry()}>${t(lang, 'results.retry')}</button>
    </div>`;
  }

  #open = (entry: Entry): void => {
    this.store?.openEntry(entry.id);
    this.emit('wsis-entry-open', { id: entry.id });
  };

  #loadMore = (): void => {
    const s = this.store?.state;
    if (!s || s.status !== 'ready') return;
    this.#appending = true;
    this.#focusIndex = s.results.length;
    this.store!.loadMore();
  };

  #goTo(page: number): void {
    const s = this.store?.state;
    if (!s || page < 1 || page === s.page) return;
    this.#focusIndex = 0;
    this.store!.setPage(page);
  }
}
