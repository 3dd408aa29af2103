import { css } from 'lit';

export const styles = css`
  form {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  h2 {
    margin: 0;
    font-size: 1.375em;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  h3 {
    margin: 0 0 var(--_space);
    font-size: 1.125em;
  }
  .meta {
    margin: 0;
    color: var(--_muted);
  }
  .field {
    display: grid;
    gap: calc(var(--_space) * 0.25);
  }
  .field > label,
  legend {
    font-weight: 600;
  }
  .pair {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
  }
  fieldset {
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }
  fieldset.invalid {
    border: 2px solid var(--_error);
  }
  .choices {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
    gap: calc(var(--_space) * 0.5) var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .choices label {
    display: flex;
    align-items: flex-start;
    gap: calc(var(--_space) * 0.75);
    min-block-size: 2rem;
  }
  .choices input {
    margin-block-start: 0.15em;
    flex: none;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .archived {
    margin: 0;
    padding: var(--_space);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .history ol {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: var(--_space);
  }
  .history li {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .history p {
    margin: 0;
  }
  .history button {
    justify-self: start;
  }
`;
