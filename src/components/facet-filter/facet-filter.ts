import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { type Lang, registerMessages, t } from '../../i18n/index.js';
import { enFilters } from '../../i18n/en-filters.js';
import { WsisElement } from '../../internal/wsis-element.js';
import { baseStyles } from '../../themes/base.styles.js';
import { styles } from './facet-filter.styles.js';
import {
  FACET_FILTERS,
  SEARCHABLE,
  facetValues,
  isFacetFilter,
  type FacetValue,
  type ListFacet,
} from './facet-values.js';
import { fold, groupLabel } from '../shared/labels.js';
import { optionRow, optionStyles } from '../shared/option-row.js';

registerMessages('en', enFilters);

/** Lists longer than this are cut to LIMIT with a Show more button. */
const LIMIT = 10;
const SLACK = 2;
/** The range the search service accepts. */
const YEAR_MIN = 1900;
const YEAR_MAX = 2200;

const reported = new Set<string>();

/**
 * Checkboxes with entry counts for one facet, or a start-year range. Organizations and
 * countries can be searched; long lists show the first ten (plus any chosen) until
 * "Show more". Values with no entries stay operable but are marked. Values fixed by the
 * embedding page's scope are listed alone: one scoped value is checked and fixed, several can be
 * ticked to narrow the search within them. With a scope, only values
 * inside it are listed. Prizes have no counts.
 *
 * @summary Filter for one facet: SDG, stakeholder type, region, status, year, organization, country or prize.
 *
 * @attr facet - One of `sdg`, `entityType`, `region`, `status`, `year`, `organization`, `country`, `prize`.
 * @attr for - The id of the `<wsis-stocktaking>` to filter, when not placed inside it.
 *
 * @csspart fieldset - The group of controls.
 * @csspart legend - Its caption.
 * @csspart search - The text box that narrows a long list.
 * @csspart option - One checkbox with its label; `option-empty` is added when no entry matches.
 * @csspart checkbox - The native checkbox.
 * @csspart count - The number of entries.
 * @csspart more-button - Show more / Show less.
 * @csspart year-input - The From and To year boxes.
 * @csspart apply-button - Applies the year range.
 * @csspart error - The message shown for an unknown `facet`.
 *
 * @cssproperty --wsis-color-primary - Checkbox and button colour.
 * @cssproperty --wsis-color-muted - Counts and options with no entries.
 */
export class WsisFacetFilter extends WsisElement {
  static override styles = [baseStyles, optionStyles, styles];
  static override properties: PropertyDeclarations = {
    facet: { reflect: true },
    showAll: { state: true },
    find: { state: true },
    draftFrom: { state: true },
    draftTo: { state: true },
  };

  facet?: string;

  private showAll = false;
  private find = '';
  private draftFrom = '';
  private draftTo = '';
  #seenYears?: string;

  override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const s = this.store?.state;
    const years = `${s?.yearFrom ?? ''}|${s?.yearTo ?? ''}`;
    // Keep what the visitor is typing until the range in the store really changes.
    if (years !== this.#seenYears) {
      this.#seenYears = years;
      this.draftFrom = String(s?.yearFrom ?? '');
      this.draftTo = String(s?.yearTo ?? '');
    }
    if (changed.has('facet')) {
      this.find = '';
      this.showAll = false;
    }
  }

  override render() {
    const lang = this.localize.lang;
    if (!isFacetFilter(this.facet)) return this.#invalid(lang);
    return html`
      <fieldset part="fieldset" class="fieldset" dir=${this.localize.dir}>
        <legend part="legend" class="legend">${groupLabel(lang, this.facet)}</legend>
        ${this.facet === 'year' ? this.#years(lang) : this.#list(lang, this.facet)}
      </fieldset>
    `;
  }

  #invalid(lang: Lang) {
    const name = this.facet ?? '';
    if (!reported.has(name)) {
      reported.add(name);
      console.error(`<wsis-facet-filter>: facet="${name}" is not supported. Use one of: ${FACET_FILTERS.join(', ')}.`);
    }
    return html`<p part="error" class="error">${t(lang, 'filters.invalidFacet', { name })}</p>`;
  }

  #list(lang: Lang, facet: ListFacet) {
    const state = this.store?.state;
    const selected = state?.filters[facet] ?? [];
    const scope = state?.scope[facet]?.length ? state.scope[facet] : undefined;
    const all = facetValues(lang, facet, state?.facets ?? {}, [...selected, ...(scope ?? [])]).filter(
      (v) => !scope || scope.includes(v.value),
    );
    const needle = fold(this.find);
    const matching = needle ? all.filter((v) => fold(v.label).includes(needle) || fold(v.value).includes(needle)) : all;
    const long = matching.length > LIMIT + SLACK;
    const shown =
      long && !this.showAll
        ? [...matching.slice(0, LIMIT), ...matching.slice(LIMIT).filter((v) => selected.includes(v.value))]
        : matching;
    const searchable = SEARCHABLE.has(facet) && (all.length > LIMIT || !!needle);
    return html`
      ${
        searchable
          ? html`<label class="find">
              <span class="find-label"
                >${t(lang, facet === 'country' ? 'filters.searchCountries' : 'filters.searchOrganizations')}</span
              >
              <input
                part="search"
                class="find-input"
                type="search"
                autocomplete="off"
                .value=${live(this.find)}
                @input=${(e: Event) => (this.find = (e.target as HTMLInputElement).value)}
              />
            </label>`
          : nothing
      }
      <ul id="options" class="options">
        ${repeat(
          shown,
          (v) => v.value,
          (v) => html`<li class="item">${this.#row(lang, facet, v, selected, scope)}</li>`,
        )}
      </ul>
      ${
        searchable
          ? html`<div role="status" class="empty">
              ${needle && !matching.length ? t(lang, 'filters.noResults', { query: this.find.trim() }) : nothing}
            </div>`
          : nothing
      }
      ${
        long
          ? html`<button
              type="button"
              part="more-button"
              class="more"
              aria-expanded=${this.showAll ? 'true' : 'false'}
              aria-controls="options"
              @click=${() => (this.showAll = !this.showAll)}
            >
              ${t(lang, this.showAll ? 'filters.showLess' : 'filters.showMore')}
            </button>`
          : nothing
      }
    `;
  }

  #row(lang: Lang, facet: ListFacet, v: FacetValue, selected: string[], scope?: string[]) {
    // A single scoped value is fixed; several let the visitor narrow within them (UNGIS agencies).
    const fixed = scope?.length === 1 && scope[0] === v.value;
    return optionRow(
      lang,
      {
        value: v.value,
        label: fixed ? t(lang, 'filters.fixed', { label: v.label }) : v.label,
        count: v.count,
        checked: fixed || selected.includes(v.value),
        disabled: fixed,
      },
      (value, on) => this.store?.toggleFilter(facet, value, on),
    );
  }

  #years(lang: Lang) {
    const keys = Object.keys(this.store?.state.facets.year ?? {})
      .map(Number)
      .filter(Number.isFinite);
    const min = keys.length ? Math.min(...keys) : undefined;
    const max = keys.length ? Math.max(...keys) : undefined;
    const input = (name: 'from' | 'to', value: string) => html`
      <label class="year">
        <span>${t(lang, name === 'from' ? 'year.from' : 'year.to')}</span>
        <input
          part="year-input"
          class="year-input"
          name=${name}
          type="number"
          inputmode="numeric"
          step="1"
          min=${min ?? nothing}
          max=${max ?? nothing}
          placeholder=${(name === 'from' ? min : max) ?? nothing}
          .value=${live(value)}
          @input=${(e: Event) => {
            const text = (e.target as HTMLInputElement).value;
            if (name === 'from') this.draftFrom = text;
            else this.draftTo = text;
          }}
        />
      </label>
    `;
    return html`
      <form class="years" novalidate @submit=${this.#applyYears}>
        ${input('from', this.draftFrom)} ${input('to', this.draftTo)}
        <button part="apply-button" class="apply" type="submit">${t(lang, 'year.apply')}</button>
      </form>
    `;
  }

  #applyYears(e: Event): void {
    e.preventDefault();
    const parse = (text: string) => {
      const n = Math.round(Number(text.trim()));
      return text.trim() === '' || !Number.isFinite(n) ? undefined : Math.min(YEAR_MAX, Math.max(YEAR_MIN, n));
    };
    const from = parse(this.draftFrom);
    const to = parse(this.draftTo);
    this.store?.setYears(from, to);
    // The store may keep the same range (e.g. clamped input); show what is in force.
    this.#seenYears = undefined;
    this.requestUpdate();
  }
}
