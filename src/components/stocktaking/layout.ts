import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { t, type Lang } from '../../i18n/index.js';

/** Facet groups in the default layout, in reading order. */
export const LAYOUT_FACETS = ['sdg', 'region', 'entityType', 'status', 'year', 'organization'] as const;

/** The default layout: search on top, filters beside (wide) or above in a disclosure (narrow), then active filters, export and results. */
export function renderLayout(lang: Lang, headingLevel?: string | number) {
  // The map is optional and may be registered later by its own script.
  const map = customElements.get('wsis-country-map')
    ? html`<wsis-country-map lang=${lang}></wsis-country-map>`
    : nothing;
  return html`<div class="layout">
    <div class="search"><wsis-search-box lang=${lang}></wsis-search-box></div>
    <details class="filters" part="filters">
      <summary>${t(lang, 'filters.label')}</summary>
      <div class="filter-list">
        <wsis-action-line-filter lang=${lang}></wsis-action-line-filter>
        ${LAYOUT_FACETS.map((facet) => html`<wsis-facet-filter facet=${facet} lang=${lang}></wsis-facet-filter>`)}
      </div>
    </details>
    <div class="results" part="results">
      ${map}
      <wsis-filter-chips lang=${lang}></wsis-filter-chips>
      <!-- Defined by the extras script; until it arrives the tag stays empty. -->
      <wsis-export lang=${lang}></wsis-export>
      <wsis-entry-list lang=${lang} heading-level=${ifDefined(headingLevel)}></wsis-entry-list>
    </div>
  </div>`;
}
