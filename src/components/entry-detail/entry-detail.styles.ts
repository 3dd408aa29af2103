import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
  }
  dialog {
    inline-size: min(var(--wsis-dialog-width, 44rem), calc(100vw - 2rem));
    max-block-size: calc(100dvh - 2rem);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    overflow-wrap: anywhere;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .head {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--_space);
    margin-block-end: calc(var(--_space) * 1.5);
  }
  h2 {
    margin: 0;
    font-size: 1.375em;
    line-height: 1.3;
  }
  .close {
    flex: none;
    min-block-size: 2.75rem;
    padding-inline: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  dl {
    display: grid;
    gap: var(--_space);
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  .row {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  dd ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .description {
    white-space: pre-line;
    margin: 0 0 calc(var(--_space) * 1.5);
  }
  a {
    color: var(--_primary);
  }
  @media (min-width: 40rem) {
    .row {
      grid-template-columns: 12rem minmax(0, 1fr);
      gap: var(--_space);
    }
  }
`;
