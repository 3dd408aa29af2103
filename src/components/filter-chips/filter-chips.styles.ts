import { css } from 'lit';

export const styles = css`
  .base {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  /* Only a programmatic focus target once the last chip is gone; nothing to outline. */
  .base.empty:focus-visible,
  .base:focus:not(:focus-visible) {
    outline: none !important;
  }
  .label {
    font-weight: 600;
  }
  .chips {
    display: contents;
    list-style: none;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    max-width: 100%;
    min-height: 32px;
    padding-inline: var(--_space) 0;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface-alt);
    overflow-wrap: anywhere;
  }
  .chip.fixed {
    padding-inline-end: var(--_space);
    border-style: dashed;
  }
  .remove {
    flex: none;
    display: grid;
    place-items: center;
    width: 44px;
    height: 44px;
    margin-block: -6px;
    padding: 0;
    border: 0;
    border-radius: 999px;
    background: transparent;
  }
  .remove svg {
    width: 14px;
    height: 14px;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
  }
  .remove:hover {
    background: var(--_border);
  }
  .clear-all {
    min-height: 44px;
    padding-inline: var(--_space);
    border: 0;
    background: none;
    color: var(--_primary);
    text-decoration: underline;
  }
`;
