import { css } from 'lit';

export const styles = css`
  .label {
    display: block;
    margin-block-end: calc(var(--_space) / 2);
    font-weight: 600;
  }
  .field {
    position: relative;
    display: flex;
    align-items: center;
  }
  .input {
    flex: 1;
    min-width: 0;
    min-height: 44px;
    padding-block: calc(var(--_space) * 0.75);
    padding-inline: var(--_space) 44px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    /* 16px or more stops phones from zooming in on focus. */
    font: inherit;
    font-size: max(16px, 1em);
  }
  .input::placeholder {
    color: var(--_muted);
    opacity: 1;
  }
  .clear {
    position: absolute;
    inset-inline-end: 0;
    inset-block: 0;
    width: 44px;
    display: grid;
    place-items: center;
    padding: 0;
    border: 0;
    background: transparent;
    color: var(--_muted);
  }
  .clear[hidden] {
    display: none;
  }
  .clear svg {
    width: 16px;
    height: 16px;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
  }
  .listbox {
    position: absolute;
    inset-inline: 0;
    inset-block-start: calc(100% + 2px);
    z-index: 10;
    max-height: min(24rem, 60vh);
    overflow-y: auto;
    margin: 0;
    padding-block: calc(var(--_space) / 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.15);
  }
  .listbox[hidden] {
    display: none;
  }
  .group-label {
    padding: calc(var(--_space) / 2) var(--_space) 0;
    color: var(--_muted);
    font-size: 0.8125em;
    font-weight: 600;
  }
  .option {
    min-height: 44px;
    display: flex;
    align-items: center;
    padding: calc(var(--_space) / 2) var(--_space);
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  .option:hover {
    background: var(--_surface-alt);
  }
  .option[aria-selected='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  @media (forced-colors: active) {
    .option[aria-selected='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
`;
