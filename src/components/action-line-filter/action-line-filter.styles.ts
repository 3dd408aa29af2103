import { css } from 'lit';

export const styles = css`
  .id {
    font-weight: 600;
  }
  .parent {
    display: flex;
    align-items: center;
  }
  .parent .option {
    flex: 1;
    min-width: 0;
  }
  .toggle {
    flex: none;
    display: grid;
    place-items: center;
    width: 44px;
    height: 44px;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    background: transparent;
  }
  .toggle:hover {
    background: var(--_surface-alt);
  }
  .toggle svg {
    width: 16px;
    height: 16px;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    transition: transform 0.15s;
  }
  .toggle[aria-expanded='true'] svg {
    transform: rotate(180deg);
  }
  .sublines {
    padding-inline-start: calc(var(--_space) * 3.5);
  }
  .sublines[hidden] {
    display: none;
  }
  @media (prefers-reduced-motion: reduce) {
    .toggle svg {
      transition: none;
    }
  }
`;
