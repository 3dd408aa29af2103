import { css } from 'lit';

export const styles = css`
  .buttons,
  .running {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  button {
    min-height: 44px;
    padding-inline: calc(var(--_space) * 1.5);
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary);
    font-weight: 600;
  }
  button:hover {
    background: var(--_surface-alt);
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  progress {
    inline-size: min(100%, 16rem);
    block-size: 0.75rem;
    accent-color: var(--_primary);
  }
  .progress-text {
    font-variant-numeric: tabular-nums;
  }
  /* Margins, not a grid gap: the live region stays in place while empty but takes no room. */
  .running,
  .note:not(:empty),
  .error {
    margin-block: var(--_space) 0;
  }
  .note:empty {
    margin: 0;
  }
  .error {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_error);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    color: var(--_error);
  }
  @media (forced-colors: active) {
    button[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }
  }
`;
