import { css } from 'lit';

/** Form controls shared by the editor and the manage page: large targets, visible borders, theme tokens. */
export const formStyles = css`
  input,
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-block-size: 2.75rem;
    padding: calc(var(--_space) * 0.5) var(--_space);
    max-inline-size: 100%;
  }
  input[type='checkbox'] {
    min-block-size: auto;
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
    accent-color: var(--_primary);
  }
  textarea {
    inline-size: 100%;
    min-block-size: 8rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
    border-width: 2px;
  }
  button {
    min-block-size: 2.75rem;
    padding-inline: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  button.primary {
    background: var(--_primary);
    color: var(--_on-primary);
    border-color: var(--_primary);
    font-weight: 600;
  }
  button:disabled {
    cursor: default;
    opacity: 0.7;
  }
  .message {
    color: var(--_error);
    font-weight: 600;
    margin: calc(var(--_space) * 0.25) 0 0;
  }
  .hint {
    color: var(--_muted);
    margin: calc(var(--_space) * 0.25) 0 0;
    font-size: 0.9375em;
  }
  .alert {
    border: 2px solid var(--_error);
    border-radius: var(--_radius);
    padding: var(--_space) calc(var(--_space) * 1.5);
    margin-block: var(--_space);
  }
  .alert p {
    margin: 0 0 calc(var(--_space) * 0.5);
  }
  .ok {
    border-inline-start: 4px solid var(--_primary);
    padding-inline-start: var(--_space);
  }
  .ok:empty {
    display: none;
  }
`;
