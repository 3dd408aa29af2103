import { css } from 'lit';

export const styles = css`
  .base {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }
  .summary {
    margin: 0;
    font-weight: 600;
  }
  .sort {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  select,
  button {
    font: inherit;
    min-block-size: 2.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    padding-block: 0;
    padding-inline: var(--_space);
  }
  .notice {
    margin: 0;
    color: var(--_muted);
  }
  .list {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .list.stale {
    opacity: 0.6;
  }
  .entry {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .entry p {
    margin: 0;
  }
  .title {
    margin: 0;
    font-size: 1.125em;
    line-height: 1.3;
  }
  .open {
    display: inline;
    min-block-size: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_primary);
    font-weight: 600;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .open:hover {
    text-decoration-thickness: 2px;
  }
  .org {
    font-weight: 600;
  }
  .countries,
  .meta {
    color: var(--_muted);
    font-size: 0.9375em;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .status {
    padding-inline: calc(var(--_space) / 2);
    border: 1px solid currentColor;
    border-radius: var(--_radius);
  }
  .chips,
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chip,
  .badge {
    padding: 0 calc(var(--_space) * 0.75);
    border-radius: 999px;
    font-size: 0.875em;
    border: 1px solid var(--_primary);
    color: var(--_primary);
    background: var(--_surface);
  }
  .badge {
    border-color: var(--_border);
    color: var(--_text);
    background: var(--_surface-alt);
  }
  mark {
    background: var(--_highlight);
    color: var(--_on-highlight);
    border-radius: 2px;
  }
  .skeleton {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .skeleton span {
    display: block;
    block-size: 0.9em;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .skeleton span:first-child {
    inline-size: 60%;
    block-size: 1.2em;
  }
  .skeleton span:last-child {
    inline-size: 85%;
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton span {
      animation: pulse 1.2s ease-in-out infinite alternate;
    }
  }
  @keyframes pulse {
    to {
      opacity: 0.4;
    }
  }
  .empty,
  .problem {
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .problem {
    border-color: var(--_error);
    border-inline-start-width: 4px;
  }
  .empty p,
  .problem p {
    margin: 0 0 var(--_space);
  }
  .more,
  .retry,
  .clear {
    justify-self: start;
    border-color: var(--_primary);
    color: var(--_primary);
    font-weight: 600;
  }
  .more[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  .pager ul {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .page {
    min-inline-size: 2.75rem;
  }
  .page[aria-current='page'] {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  .page:disabled {
    opacity: 0.5;
    cursor: default;
  }
  .gap {
    padding-inline: calc(var(--_space) / 2);
  }
  [dir='rtl'] .arrow {
    display: inline-block;
    transform: scaleX(-1);
  }
  @media (forced-colors: active) {
    .page[aria-current='page'] {
      border-width: 3px;
    }
    mark {
      forced-color-adjust: none;
      background: Mark;
      color: MarkText;
    }
  }
`;
