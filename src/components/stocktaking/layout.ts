import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { t, type Lang } from '../../i18n/index.js';

/** Facet groups in the default layout, in reading order. */
export const LAYOUT_FACETS = ['sdg', 'region', 'entityType', 'status', 'year', 'organization'] as const;

/**
 * The default layout, results first: search on top; at wide sizes the map and the filters in a
 * column beside the list, on narrow screens each behind a toggle ("Map", "Filters") above it, so
 * the first result is on the first screen. The map loads its code when it comes near the viewport
 * or is opened. `side` false leaves the panels empty until the first results have painted.
 */
export function renderLayout(lang: Lang, headingLevel?: string | number, side = true) {
  return html`<div class="layout">
    <div class="search"><wsis-search-box lang=${lang}></wsis-search-box></div>
    <div class="side">
      <details class="side-panel map" part="map">
        <summary>${t(lang, 'layout.map')}</summary>
        <div class="map-body">${side ? html`<wsis-country-map lang=${lang}></wsis-country-map>` : nothing}</div>
      </details>
      <details class="side-panel filters" part="filters">
        <summary>${t(lang, 'filters.label')}</summary>
        <div class="filter-list">
          ${
            side
              ? html`<wsis-action-line-filter lang=${lang}></wsis-action-line-filter>
                  ${LAYOUT_FACETS.map((facet) => html`<wsis-facet-filter facet=${facet} lang=${lang}></wsis-facet-filter>`)}`
              : nothing
          }
        </div>
      </details>
    </div>
    <div class="results" part="results">
      <wsis-filter-chips lang=${lang}></wsis-filter-chips>
      <!-- Its code is a chunk loaded as it appears; the export itself loads on first use. -->
      <wsis-export lang=${lang}></wsis-export>
      <wsis-entry-list lang=${lang} heading-level=${ifDefined(headingLevel)}></wsis-entry-list>
    </div>
  </div>`;
}
