import { css, html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatNumber, t, type Lang } from '../../i18n/index.js';

export interface OptionRow {
  value: string;
  label: string | TemplateResult;
  /** Undefined when the source gives no count for this group. */
  count?: number;
  checked: boolean;
  disabled?: boolean;
  indeterminate?: boolean;
}

/** The count of a value in a facet group; undefined until the group has been counted. */
export function countOf(group: Record<string, number> | undefined, value: string): number | undefined {
  // Own keys only: an organization called "constructor" is a value, not Object's.
  return group ? (Object.hasOwn(group, value) ? group[value] : 0) : undefined;
}

/**
 * One checkbox with its label and count. The input sits inside its label, so no ids are
 * needed and the whole row is the touch target. Zero counts stay operable but are marked.
 */
export function optionRow(
  lang: Lang,
  row: OptionRow,
  onChange: (value: string, checked: boolean) => void,
): TemplateResult {
  const zero = row.count === 0;
  return html`
    <label part="option${zero ? ' option-empty' : ''}" class="option ${zero ? 'zero' : ''}">
      <input
        part="checkbox"
        class="checkbox"
        type="checkbox"
        value=${row.value}
        .checked=${live(row.checked)}
        .indeterminate=${!!row.indeterminate}
        ?disabled=${!!row.disabled}
        @change=${(e: Event) => onChange(row.value, (e.target as HTMLInputElement).checked)}
      />
      <span class="text">${row.label}</span>
      ${
        row.count === undefined
          ? nothing
          : html`<span part="count" class="count" aria-hidden="true">${formatNumber(lang, row.count)}</span>
              <span class="visually-hidden"
                >${zero ? t(lang, 'filters.noMatches') : t(lang, 'filters.count', { n: row.count })}</span
              >`
      }
    </label>
  `;
}

/** Shared by every checkbox list. */
export const optionStyles = css`
  .fieldset {
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .legend {
    padding: 0;
    margin-block-end: calc(var(--_space) / 2);
    font-weight: 600;
  }
  .options {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .option {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-height: 44px;
    padding-block: 2px;
    cursor: pointer;
  }
  .checkbox {
    flex: none;
    width: 20px;
    height: 20px;
    margin: 0;
    accent-color: var(--_primary);
    cursor: inherit;
  }
  .checkbox:disabled,
  .checkbox:disabled + .text {
    cursor: not-allowed;
  }
  .text {
    flex: 1;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .count {
    flex: none;
    margin-inline-start: auto;
    padding-inline: calc(var(--_space) / 2);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    color: var(--_muted);
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }
  .zero .text,
  .zero .count {
    color: var(--_muted);
  }
  .zero .count {
    background: transparent;
  }
  .more {
    min-height: 44px;
    padding-inline: 0;
    border: 0;
    background: none;
    color: var(--_primary);
    text-decoration: underline;
  }
`;
