import { css } from 'lit';

export const styles = css`
  .find {
    display: flex;
    flex-direction: column;
    gap: 2px;
    margin-block-end: calc(var(--_space) / 2);
  }
  .find-input,
  .year-input {
    min-height: 44px;
    padding-inline: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-size: max(16px, 1em);
  }
  .empty:empty {
    display: none;
  }
  .empty {
    color: var(--_muted);
  }
  .years {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space);
  }
  .year {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .year-input {
    width: 7em;
  }
  .apply {
    min-height: 44px;
    padding-inline: calc(var(--_space) * 1.5);
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .error {
    margin: 0;
    color: var(--_error);
  }
`;
