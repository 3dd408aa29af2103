import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { FilterKey } from '../../data/query.js';
import { FILTER_KEYS } from '../../data/vocabulary.js';
import { type Lang, registerMessages, t } from '../../i18n/index.js';
import { enFilters } from '../../i18n/en-filters.js';
import { WsisElement } from '../../internal/wsis-element.js';
import type { SearchState } from '../../state/types.js';
import { baseStyles } from '../../themes/base.styles.js';
import { groupLabel, valueLabel } from '../shared/labels.js';
import { styles } from './filter-chips.styles.js';

registerMessages('en', enFilters);

interface Chip {
  id: string;
  label: string;
  key?: FilterKey;
  value?: string;
}

function filterChips(lang: Lang, filters: SearchState['filters']): Chip[] {
  return FILTER_KEYS.flatMap((key) =>
    (filters[key] ?? []).map((value) => ({
      id: `${key}:${value}`,
      key,
      value,
      label: t(lang, 'filters.chip', { group: groupLabel(lang, key), label: valueLabel(lang, key, value) }),
    })),
  );
}

function yearChip(lang: Lang, from?: number, to?: number): Chip[] {
  if (from === undefined && to === undefined) return [];
  // Years are not numbers to group ("2,019"), so they go in as text.
  const range =
    from !== undefined && to !== undefined
      ? t(lang, 'filters.yearRange', { from: String(from), to: String(to) })
      : from !== undefined
        ? t(lang, 'filters.yearFrom', { year: String(from) })
        : t(lang, 'filters.yearTo', { year: String(to) });
  return [{ id: 'year', label: t(lang, 'filters.chip', { group: groupLabel(lang, 'year'), label: range }) }];
}

/**
 * The active filters as chips, each with a remove button, and "Clear all filters".
 * Filters fixed by the embedding page's scope show as chips without a remove button.
 * After a removal, focus moves to the next chip, else to "Clear all filters", else to the
 * group itself, so it is never lost.
 *
 * @summary Removable chips for the active filters.
 *
 * @attr for - The id of the `<wsis-stocktaking>` to show, when not placed inside it.
 * @attr empty - Set by the element while there is no chip to show, so a layout can give it no room.
 *
 * @csspart base - The group, labelled "Active filters".
 * @csspart label - The visible caption.
 * @csspart chip - One filter; fixed ones also have `chip-fixed`.
 * @csspart remove-button - The button that removes one filter.
 * @csspart clear-all - The button that removes every filter the visitor chose.
 *
 * @cssproperty --wsis-color-surface-alt - Chip background.
 * @cssproperty --wsis-color-border - Chip border.
 */
export class WsisFilterChips extends WsisElement {
  static override styles = [baseStyles, styles];

  override render() {
    const lang = this.localize.lang;
    const s = this.store?.state;
    const fixed = s ? filterChips(lang, s.scope) : [];
    const active = s ? [...filterChips(lang, s.filters), ...yearChip(lang, s.yearFrom, s.yearTo)] : [];
    const empty = !fixed.length && !active.length;
    this.#empty = empty;
    return html`
      <div
        part="base"
        class="base ${empty ? 'empty' : ''}"
        role="group"
        aria-labelledby="label"
        tabindex="-1"
        dir=${this.localize.dir}
      >
        <span id="label" part="label" class="label ${empty ? 'visually-hidden' : ''}"
          >${t(lang, 'filters.active')}</span
        >
        <ul class="chips">
          ${repeat(
            fixed,
            (c) => `scope:${c.id}`,
            (c) =>
              html`<li part="chip chip-fixed" class="chip fixed">${t(lang, 'filters.fixed', { label: c.label })}</li>`,
          )}
          ${repeat(
            active,
            (c) => c.id,
            (c, i) => html`
              <li part="chip" class="chip">
                <span class="chip-label">${c.label}</span>
                <button
                  type="button"
                  part="remove-button"
                  class="remove"
                  aria-label=${t(lang, 'filters.remove', { label: c.label })}
                  @click=${() => this.#remove(c, i)}
                >
                  <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16"><path d="M4 4l8 8M12 4l-8 8" /></svg>
                </button>
              </li>
            `,
          )}
        </ul>
        ${
          active.length
            ? html`<button type="button" part="clear-all" class="clear-all" @click=${this.#clearAll}>
                ${t(lang, 'filters.clearAll')}
              </button>`
            : nothing
        }
      </div>
    `;
  }

  #empty = true;

  override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    this.toggleAttribute('empty', this.#empty);
  }

  async #remove(chip: Chip, index: number): Promise<void> {
    const store = this.store;
    if (!store) return;
    if (chip.key && chip.value !== undefined) store.toggleFilter(chip.key, chip.value, false);
    else store.setYears(undefined, undefined);
    await this.updateComplete;
    const buttons = this.renderRoot.querySelectorAll<HTMLElement>('.remove');
    (buttons[index] ?? this.#fallbackFocus())?.focus();
  }

  async #clearAll(): Promise<void> {
    this.store?.clearFilters();
    await this.updateComplete;
    this.#fallbackFocus()?.focus();
  }

  #fallbackFocus(): HTMLElement | null {
    return (
      this.renderRoot.querySelector<HTMLElement>('.clear-all') ?? this.renderRoot.querySelector<HTMLElement>('.base')
    );
  }
}
