import { html, type PropertyValues, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { C7_SUBLINES, MAIN_ACTION_LINES, isC7 } from '../../data/vocabulary.js';
import { type Lang, registerMessages, t } from '../../i18n/index.js';
import { enFilters } from '../../i18n/en-filters.js';
import { WsisElement } from '../../internal/wsis-element.js';
import { baseStyles } from '../../themes/base.styles.js';
import { tryT } from '../shared/labels.js';
import { countOf, optionRow, optionStyles } from '../shared/option-row.js';
import { styles } from './action-line-filter.styles.js';

registerMessages('en', enFilters);

/**
 * Checkboxes for the WSIS Action Lines C1–C11 with entry counts. C7 is the parent of its
 * eight sub-lines: ticking C7 selects every C7 entry and clears the sub-lines; ticking a
 * sub-line narrows to it and drops a bare C7. C7 shows as mixed while only some sub-lines
 * are chosen. Values fixed by the embedding page's scope are checked and cannot be changed;
 * with a scope, only values inside it are listed.
 *
 * @summary Action line filter with the C7 sub-lines.
 *
 * @attr for - The id of the `<wsis-stocktaking>` to filter, when not placed inside it.
 *
 * @csspart fieldset - The group of checkboxes.
 * @csspart legend - Its caption.
 * @csspart option - One checkbox with its label; `option-empty` is added when no entry matches.
 * @csspart checkbox - The native checkbox.
 * @csspart count - The number of entries.
 * @csspart toggle - The button that shows or hides the C7 sub-lines.
 *
 * @cssproperty --wsis-color-primary - Checkbox colour.
 * @cssproperty --wsis-color-muted - Counts and options with no entries.
 */
export class WsisActionLineFilter extends WsisElement {
  static override styles = [baseStyles, optionStyles, styles];
  static override properties: PropertyDeclarations = {
    expanded: { state: true },
  };

  private expanded = false;
  #hadSubline = false;

  override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const hasSubline = this.#selected().some((v) => v !== 'C7' && isC7(v));
    // Open once when a sub-line becomes selected (a deep link); later the visitor decides.
    if (hasSubline && !this.#hadSubline) this.expanded = true;
    this.#hadSubline = hasSubline;
  }

  override render() {
    const lang = this.localize.lang;
    const selected = this.#selected();
    const mains = MAIN_ACTION_LINES.filter(
      (v) => this.#inScope(v) || (v === 'C7' && C7_SUBLINES.some((s) => this.#inScope(s))),
    );
    return html`
      <fieldset part="fieldset" class="fieldset" dir=${this.localize.dir}>
        <legend part="legend" class="legend">${t(lang, 'filters.actionLines')}</legend>
        <ul class="options">
          ${repeat(
            mains,
            (v) => v,
            (v) => html`
              <li class="item">${v === 'C7' ? this.#c7(lang, selected) : this.#row(lang, v, selected.includes(v))}</li>
            `,
          )}
        </ul>
      </fieldset>
    `;
  }

  #c7(lang: Lang, selected: string[]) {
    const subs = C7_SUBLINES.filter((v) => this.#inScope(v));
    const some = subs.some((v) => selected.includes(v));
    const c7 = selected.includes('C7') || this.#fixed('C7');
    return html`
      <div class="parent">
        ${this.#row(lang, 'C7', c7, !c7 && some)}
        <button
          type="button"
          part="toggle"
          class="toggle"
          aria-expanded=${this.expanded ? 'true' : 'false'}
          aria-controls="c7-sublines"
          aria-label=${t(lang, this.expanded ? 'filters.collapseC7' : 'filters.expandC7')}
          @click=${() => (this.expanded = !this.expanded)}
        >
          <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16"><path d="M4 6l4 4 4-4" /></svg>
        </button>
      </div>
      <ul id="c7-sublines" class="options sublines" ?hidden=${!this.expanded}>
        ${repeat(
          subs,
          (v) => v,
          (v) => html`<li class="item">${this.#row(lang, v, selected.includes(v))}</li>`,
        )}
      </ul>
    `;
  }

  #row(lang: Lang, value: string, checked: boolean, indeterminate = false) {
    const fixed = this.#fixed(value);
    const name = tryT(lang, `actionLine.${value}`, value);
    const shown = fixed ? t(lang, 'filters.fixed', { label: name }) : name;
    const label =
      isC7(value) && value !== 'C7' ? shown : html`<span class="id">${value}</span> <span class="name">${shown}</span>`;
    return optionRow(
      lang,
      {
        value,
        label,
        count: countOf(this.store?.state.facets.actionLine, value),
        checked: checked || fixed,
        indeterminate,
        // C7 listed only for a scoped sub-line cannot be chosen itself.
        disabled: fixed || !this.#inScope(value),
      },
      (v, on) => this.#toggle(v, on),
    );
  }

  #toggle(value: string, on: boolean): void {
    const store = this.store;
    if (!store) return;
    const current = store.state.filters.actionLine ?? [];
    let next: string[];
    if (value === 'C7') {
      next = [...current.filter((v) => !isC7(v)), ...(on ? ['C7'] : [])];
    } else {
      const rest = current.filter((v) => v !== value && !(isC7(value) && v === 'C7'));
      next = on ? [...rest, value] : rest;
    }
    store.setFilter('actionLine', next);
  }

  #selected(): string[] {
    return this.store?.state.filters.actionLine ?? [];
  }

  #scope(): string[] | undefined {
    const scope = this.store?.state.scope.actionLine;
    return scope?.length ? scope : undefined;
  }

  #fixed(value: string): boolean {
    return !!this.#scope()?.includes(value);
  }

  #inScope(value: string): boolean {
    const scope = this.#scope();
    return !scope || scope.includes(value) || (isC7(value) && scope.includes('C7'));
  }
}
