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
  .results,
  .filters {
    min-inline-size: 0;
  }
  .filters {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .filters > summary {
    padding: var(--_space) calc(var(--_space) * 1.5);
    font-weight: 600;
    cursor: pointer;
  }
  .filter-list {
    display: grid;
    gap: calc(var(--_space) * 2);
    padding: var(--_space) calc(var(--_space) * 1.5) calc(var(--_space) * 1.5);
  }
  .results {
    display: grid;
    gap: calc(var(--_space) * 2);
    align-content: start;
  }
  @container wsis-stocktaking (min-width: 48rem) {
    .layout {
      grid-template-columns: var(--wsis-filters-width, 19rem) minmax(0, 1fr);
      align-items: start;
    }
    .search {
      grid-column: 1 / -1;
    }
    .filters {
      border: 0;
      background: none;
    }
    .filter-list {
      padding: 0;
    }
  }
  /* Beside the list the filters are always open; browsers without ::details-content keep the toggle. */
  @supports selector(::details-content) {
    @container wsis-stocktaking (min-width: 48rem) {
      .filters > summary {
        display: none;
      }
      .filters::details-content {
        content-visibility: visible;
        display: block;
      }
    }
  }
`;
