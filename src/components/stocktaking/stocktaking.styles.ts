import { css } from 'lit';

/** Container queries follow the widget's own width, not the viewport, so it fits any column. */
export const styles = css`
  :host {
    container: wsis-stocktaking / inline-size;
    min-inline-size: 0;
  }
  /*
   * The host is the one element page CSS can reach (\`* { font: … !important }\`, \`all: unset\`), and
   * this shadow root's own text would inherit from it: set the text style again here (the same
   * declarations as :host in base.styles.ts; not shared, as the build minifies only CSS without
   * interpolations).
   */
  /* Until the page's own colours (tokens) and the language's texts are in: no flash of either. */
  .base.pending {
    visibility: hidden;
  }
  .base {
    min-inline-size: 0;
    color: var(--_text);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    font-weight: 400;
    font-style: normal;
    line-height: 1.5;
    letter-spacing: normal;
    text-transform: none;
  }
  .config-error {
    margin: 0;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_error);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    color: var(--_error);
    background: var(--_surface);
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: calc(var(--_space) * 2);
  }
  .search,
  .side,
  .results,
  .side-panel {
    min-inline-size: 0;
  }
  /* Narrow: the toggles sit side by side above the list; an opened one takes the whole row. */
  .side {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: start;
  }
  .side-panel {
    flex: 1 1 8rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .side-panel[open] {
    flex-basis: 100%;
  }
  /* Closed, its content is not laid out at all (not even at a toggle's width), so the map stays unloaded. */
  .side-panel:not([open]) > :not(summary) {
    display: none;
  }
  .side-panel > summary {
    padding: var(--_space) calc(var(--_space) * 1.5);
    font-weight: 600;
    cursor: pointer;
  }
  .filter-list,
  .map-body {
    display: grid;
    gap: calc(var(--_space) * 2);
    padding: var(--_space) calc(var(--_space) * 1.5) calc(var(--_space) * 1.5);
  }
  .results {
    position: relative;
    display: grid;
    gap: calc(var(--_space) * 2);
    align-content: start;
  }
  /* Without chips it takes no row (and no gap), yet stays where focus goes once the last chip is removed. */
  .results > wsis-filter-chips[empty] {
    position: absolute;
    inset-inline: 0;
  }
  /* Wide: the map, then the filters, in a column beside the list. */
  @container wsis-stocktaking (min-width: 48rem) {
    .layout {
      grid-template-columns: var(--wsis-filters-width, 19rem) minmax(0, 1fr);
      align-items: start;
    }
    .search {
      grid-column: 1 / -1;
    }
    .side {
      display: grid;
      gap: calc(var(--_space) * 2);
    }
    .side-panel {
      border: 0;
      background: none;
    }
    .filter-list,
    .map-body {
      padding: 0;
    }
  }
  /* Beside the list the panels are always open; browsers without ::details-content keep the toggles. */
  @supports selector(::details-content) {
    @container wsis-stocktaking (min-width: 48rem) {
      .side-panel > summary {
        display: none;
      }
      .side-panel::details-content {
        content-visibility: visible;
        display: block;
      }
    }
  }
`;
