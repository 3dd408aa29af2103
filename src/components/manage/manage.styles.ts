import { css } from 'lit';

export const styles = css`
  .page {
    display: grid;
    gap: calc(var(--_space) * 2);
    max-inline-size: 64rem;
    margin-inline: auto;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space) calc(var(--_space) * 2);
    padding-block-end: var(--_space);
    border-block-end: 1px solid var(--_border);
  }
  h1 {
    margin: 0;
    font-size: 1.75em;
    line-height: 1.2;
  }
  h2 {
    margin: 0 0 var(--_space);
    font-size: 1.375em;
  }
  .language,
  .account {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .account p {
    margin: 0;
  }
  .sign-in {
    display: grid;
    gap: var(--_space);
    max-inline-size: 24rem;
  }
  .sign-in label {
    font-weight: 600;
  }
  .demo {
    padding: var(--_space) calc(var(--_space) * 1.5);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .demo p,
  .demo ul {
    margin: 0;
  }
  code {
    font-family: ui-monospace, 'Cascadia Mono', Menlo, Consolas, monospace;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: calc(var(--_space) * 0.5) var(--_space);
    border-block-end: 1px solid var(--_border);
    vertical-align: top;
  }
  td.title {
    overflow-wrap: anywhere;
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin-block-start: var(--_space);
  }
  .pager p {
    margin: 0;
  }
  .count {
    margin: 0 0 var(--_space);
    color: var(--_muted);
  }
  .links ul {
    margin: 0 0 var(--_space);
    padding: 0;
    list-style: none;
  }
  .links li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space);
    padding-block: calc(var(--_space) / 2);
  }
  .links .title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .links .note {
    color: var(--_muted);
    overflow-wrap: anywhere;
  }
`;
