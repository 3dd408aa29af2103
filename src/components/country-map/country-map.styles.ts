import { css } from 'lit';

export const countryMapStyles = css`
  :host {
    /* Sequential classes; fixed fallbacks (ColorBrewer Blues) where color-mix is missing. */
    --_m0: var(--wsis-map-0, var(--_surface-alt));
    --_m1: var(--wsis-map-1, #c6dbef);
    --_m2: var(--wsis-map-2, #9ecae1);
    --_m3: var(--wsis-map-3, #6baed6);
    --_m4: var(--wsis-map-4, #3182bd);
    --_m5: var(--wsis-map-5, #08519c);
    --_map-border: var(--wsis-map-border, var(--_surface));
    --_map-selected: var(--wsis-map-selected, var(--_text));
  }
  @supports (color: color-mix(in srgb, red 50%, blue)) {
    /* From the theme's primary, so dark and custom themes get a matching ramp. */
    :host {
      --_m1: var(--wsis-map-1, color-mix(in srgb, var(--_primary) 18%, var(--_surface)));
      --_m2: var(--wsis-map-2, color-mix(in srgb, var(--_primary) 36%, var(--_surface)));
      --_m3: var(--wsis-map-3, color-mix(in srgb, var(--_primary) 56%, var(--_surface)));
      --_m4: var(--wsis-map-4, color-mix(in srgb, var(--_primary) 78%, var(--_surface)));
      --_m5: var(--wsis-map-5, color-mix(in srgb, var(--_primary) 80%, var(--_text)));
    }
  }
  .wrap {
    display: grid;
    gap: var(--_space);
    min-width: 0;
  }
  .toolbar,
  .regions,
  .legend,
  ul,
  .selected {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 8px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .toggle {
    margin-inline-start: auto;
  }
  .toolbar button,
  .chip {
    display: inline-flex;
    align-items: baseline;
    gap: 0.4em;
    min-height: 32px;
    padding: 2px 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-size: 0.875em;
  }
  .chip {
    background: var(--_surface-alt);
  }
  .toolbar [aria-pressed='true'] {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
  }
  .n {
    font-variant-numeric: tabular-nums;
  }
  .info {
    min-height: 1.5em;
    margin: 0;
    font-weight: 600;
  }
  .stage {
    background: var(--wsis-map-water, none);
  }
  .pending {
    aspect-ratio: 960 / 422;
    display: grid;
    place-items: center;
    background: var(--_surface-alt);
    color: var(--_muted);
  }
  .error {
    color: var(--_error);
  }
  svg {
    display: block;
    width: 100%;
    height: auto;
  }
  .k,
  .dot,
  .x,
  .over > * {
    stroke: var(--_map-border);
    stroke-width: 0.5px;
    stroke-linejoin: round;
    /* Lines keep their screen width however small the map is drawn. */
    vector-effect: non-scaling-stroke;
  }
  .k,
  .dot {
    cursor: pointer;
  }
  .dot {
    stroke: var(--_muted);
  }
  /* One class per bucket: fill for shapes, background for legend swatches. */
  .c0,
  .x {
    fill: var(--_m0);
    background: var(--_m0);
  }
  .c1 {
    fill: var(--_m1);
    background: var(--_m1);
  }
  .c2 {
    fill: var(--_m2);
    background: var(--_m2);
  }
  .c3 {
    fill: var(--_m3);
    background: var(--_m3);
  }
  .c4 {
    fill: var(--_m4);
    background: var(--_m4);
  }
  .c5 {
    fill: var(--_m5);
    background: var(--_m5);
  }
  .over {
    pointer-events: none;
  }
  .sel,
  .hatch line {
    stroke: var(--_map-selected);
    stroke-width: 2.5px;
  }
  /* A halo under outline and hatching keeps them visible on light and dark fills alike. */
  .over .halo {
    stroke: var(--_surface);
    stroke-width: 5px;
  }
  .hatch line {
    stroke-width: 1.2;
  }
  .hatch .halo {
    stroke: var(--_surface);
    stroke-width: 2.8;
  }
  .hover {
    stroke: var(--_text);
    stroke-width: 1.5px;
  }
  .ring {
    display: none;
    stroke: var(--_focus);
    stroke-width: 3px;
  }
  .map:focus-visible .ring {
    display: inline;
  }
  .legend {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }
  .swatch {
    display: inline-block;
    width: 14px;
    height: 14px;
    border: 1px solid var(--_border);
  }
  .table-wrap {
    max-height: 24em;
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .table-wrap > .empty {
    margin: 0;
    padding: var(--_space) calc(var(--_space) * 1.5);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.875em;
  }
  th,
  td {
    padding: 4px 8px;
    text-align: start;
    border-bottom: 1px solid var(--_surface-alt);
  }
  thead th {
    position: sticky;
    top: 0;
    background: var(--_surface);
    white-space: nowrap;
  }
  th button {
    padding: 2px 0;
    border: 0;
    background: none;
    font-weight: 600;
  }
  [aria-sort='ascending'] button::after {
    content: ' ▲';
  }
  [aria-sort='descending'] button::after {
    content: ' ▼';
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  input {
    width: 18px;
    height: 18px;
    margin: 0;
    accent-color: var(--_primary);
  }
  [hidden] {
    display: none !important;
  }
  @media (forced-colors: active) {
    /* Keep the data colours, but draw edges and selection in system colours. */
    svg,
    .swatch {
      forced-color-adjust: none;
    }
    .k,
    .x,
    .dot,
    .hover,
    .swatch {
      stroke: CanvasText;
      border-color: CanvasText;
    }
    .sel,
    .hatch line,
    .ring {
      stroke: Highlight;
    }
    .over .halo,
    .hatch .halo {
      stroke: Canvas;
    }
    .toolbar [aria-pressed='true'] {
      border: 3px solid Highlight;
    }
  }
`;
