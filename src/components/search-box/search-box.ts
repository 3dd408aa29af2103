import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Facets } from '../../data/query.js';
import { t, type Lang } from '../../i18n/index.js';
import { WsisElement } from '../../internal/wsis-element.js';
import { afterPaint } from '../../state/context.js';
import { baseStyles } from '../../themes/base.styles.js';
import { styles } from './search-box.styles.js';
import { SuggestionIndex, loadMatcher, type Suggestion, type SuggestionKind } from './suggestions.js';

const MAX_RECENT = 5;

interface Group {
  kind: SuggestionKind;
  items: { suggestion: Suggestion; index: number }[];
}

/** Groups by kind, in the order each kind first appears, so arrow keys follow what is shown. */
function grouped(list: Suggestion[]): Suggestion[] {
  const byKind = new Map<SuggestionKind, Suggestion[]>();
  for (const s of list) byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s]);
  return [...byKind.values()].flat();
}

const kindLabel = (lang: Lang, kind: SuggestionKind) => t(lang, `search.kind.${kind}`);

/**
 * A search box with suggestions: the WAI-ARIA combobox "list autocomplete" pattern.
 * Typing searches on every key (after a short pause when the API is slow); Enter searches at
 * once. Suggestions (action lines, SDGs, regions, stakeholder types, and the countries and
 * organizations seen in the results during this visit) apply a filter when chosen; recent
 * searches search again.
 *
 * Choosing a filter suggestion clears the text box when the typed text was only the term
 * being looked up (every word occurs in the suggestion, allowing a typo), since keeping it
 * would also search for it as free text; text that says more stays.
 *
 * Keys: Down/Up move through the suggestions (wrapping), Alt+Down opens them, Enter chooses
 * the active one or searches, Escape closes the list and a second Escape clears the text,
 * Home/End move the caret. Up/Down are the same in right-to-left languages.
 *
 * Recent searches are kept in memory only, never stored in the browser. The fuzzy matcher
 * loads on first focus or input; until it arrives only recent searches are suggested.
 *
 * @summary Search box with suggestions for filters and recent searches.
 *
 * @attr for - The id of the `<wsis-stocktaking>` to search, when not placed inside it.
 *
 * @csspart base - The wrapper (a search landmark).
 * @csspart label - The visible label; a theme may hide it visually, it stays for assistive technology.
 * @csspart input - The text box.
 * @csspart clear-button - The button that clears the text and searches again.
 * @csspart listbox - The suggestion list.
 * @csspart group-label - The heading of one kind of suggestion.
 * @csspart option - One suggestion.
 *
 * @cssproperty --wsis-color-primary - Highlight of the active suggestion.
 * @cssproperty --wsis-color-surface - Background of the text box and list.
 * @cssproperty --wsis-color-border - Border of the text box and list.
 * @cssproperty --wsis-radius - Corner radius.
 */
export class WsisSearchBox extends WsisElement {
  static override styles = [baseStyles, styles];
  static override properties: PropertyDeclarations = {
    text: { state: true },
    open: { state: true },
    active: { state: true },
    suggestions: { state: true },
  };

  private text = '';
  private open = false;
  private active = -1;
  private suggestions: Suggestion[] = [];

  private get input(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('#input');
  }

  #index = new SuggestionIndex();
  /** This visit's searches, newest first; memory only. */
  #recent: string[] = [];
  #seenQuery?: string;
  #seenFacets?: Facets;
  #warming = false;
  /** The list was asked for since it last closed; a late matcher then fills it. */
  #wanted = false;
  /** A refresh waiting for the typed key to paint; a newer key or a key that reads the list replaces it. */
  #pendingRefresh?: () => void;

  override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const state = this.store?.state;
    if (!state) return;
    // Follow the store when something else sets the query (a deep link, Back).
    if (state.query !== this.#seenQuery) {
      this.#seenQuery = state.query;
      this.text = state.query;
    }
    if (state.facets !== this.#seenFacets) {
      this.#seenFacets = state.facets;
      // New organizations or countries may match the text; never reshuffle under the arrow keys.
      if (this.#index.learn(state.facets) && this.open && this.active < 0) this.#refresh(true);
    }
  }

  override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('active') && this.active >= 0) {
      this.renderRoot.querySelector(`#option-${this.active}`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  /** Focuses the text box. */
  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  // Keyboard use of the options goes through the text box (aria-activedescendant).
  /* eslint-disable lit-a11y/click-events-have-key-events */
  override render() {
    const lang = this.localize.lang;
    const groups: Group[] = [];
    this.suggestions.forEach((suggestion, index) => {
      const last = groups[groups.length - 1];
      if (last?.kind === suggestion.kind) last.items.push({ suggestion, index });
      else groups.push({ kind: suggestion.kind, items: [{ suggestion, index }] });
    });
    return html`
      <div part="base" class="base" role="search" dir=${this.localize.dir}>
        <label id="label" part="label" class="label" for="input">${t(lang, 'search.label')}</label>
        <div class="field">
          <input
            id="input"
            part="input"
            class="input"
            type="text"
            role="combobox"
            aria-labelledby="label"
            aria-autocomplete="list"
            aria-expanded=${this.open ? 'true' : 'false'}
            aria-controls="listbox"
            aria-activedescendant=${this.open && this.active >= 0 ? `option-${this.active}` : nothing}
            autocomplete="off"
            autocapitalize="off"
            spellcheck="false"
            enterkeyhint="search"
            inputmode="search"
            placeholder=${t(lang, 'search.placeholder')}
            .value=${live(this.text)}
            @focus=${this.#warm}
            @input=${this.#onInput}
            @keydown=${this.#onKeydown}
            @blur=${this.#close}
          />
          <button
            type="button"
            part="clear-button"
            class="clear"
            ?hidden=${!this.text}
            aria-label=${t(lang, 'search.clear')}
            @click=${this.#onClear}
          >
            <svg aria-hidden="true" focusable="false" viewBox="0 0 16 16"><path d="M4 4l8 8M12 4l-8 8" /></svg>
          </button>
          <div
            id="listbox"
            part="listbox"
            class="listbox"
            role="listbox"
            aria-label=${t(lang, 'search.suggestions')}
            ?hidden=${!this.open}
            @mousedown=${this.#keepFocus}
            @click=${this.#onListClick}
          >
            ${groups.map(
              (group) => html`
                <div class="group" role="group" aria-labelledby="group-${group.kind}">
                  <div id="group-${group.kind}" part="group-label" class="group-label" aria-hidden="true">
                    ${group.kind === 'recent' ? t(lang, 'search.recent') : kindLabel(lang, group.kind)}
                  </div>
                  ${group.items.map(
                    ({ suggestion, index }) => html`
                      <div
                        id="option-${index}"
                        part="option"
                        class="option"
                        role="option"
                        data-index=${index}
                        aria-selected=${index === this.active ? 'true' : 'false'}
                        aria-label=${t(lang, 'search.option', { label: suggestion.label, kind: kindLabel(lang, suggestion.kind) })}
                      >
                        ${suggestion.label}
                      </div>
                    `,
                  )}
                </div>
              `,
            )}
          </div>
        </div>
        <div class="visually-hidden" role="status">
          ${this.open ? t(lang, 'search.suggestionCount', { n: this.suggestions.length }) : ''}
        </div>
      </div>
    `;
  }
  /* eslint-enable lit-a11y/click-events-have-key-events */

  /** Loads the matcher once; on failure the box keeps working without fuzzy suggestions. */
  #warm(): void {
    if (this.#warming) return;
    this.#warming = true;
    loadMatcher().then(
      (factory) => {
        this.#index.factory = factory;
        const focused = (this.renderRoot as ShadowRoot).activeElement === this.input;
        // Never reshuffle under the arrow keys.
        if (this.#wanted && focused && !(this.open && this.active >= 0)) this.#refresh(true);
      },
      () => undefined,
    );
  }

  /** Fuzzy matching waits until the key has painted, off the key's task; only the newest text runs. */
  #refreshLater(show: boolean): void {
    const run = (this.#pendingRefresh = () => {
      this.#pendingRefresh = undefined;
      this.#refresh(show);
    });
    afterPaint().then(() => this.#pendingRefresh === run && run());
  }

  #refresh(show: boolean): void {
    this.#pendingRefresh = undefined;
    this.#wanted = show;
    const state = this.store?.state;
    const found = this.#index.search(this.text, this.localize.lang, state?.facets ?? {}, this.#recent);
    // Nothing outside the page's scope is offered.
    this.suggestions = grouped(found.filter((s) => !s.key || this.store?.allows(s.key, s.value) !== false));
    this.active = -1;
    this.open = show && this.suggestions.length > 0;
  }

  #onInput(e: Event): void {
    this.text = (e.target as HTMLInputElement).value;
    this.#seenQuery = this.text;
    this.store?.setQuery(this.text);
    this.#warm();
    this.#refreshLater(this.text.trim() !== '');
  }

  #onKeydown(e: KeyboardEvent): void {
    // Enter and arrows also confirm IME compositions (Chinese input); leave those alone.
    if (e.isComposing || e.keyCode === 229) return;
    // Keys that read the list see the suggestions for the text as typed.
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === 'Enter' || e.key === 'Escape')
      this.#pendingRefresh?.();
    const n = this.suggestions.length;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!this.open) {
          this.#refresh(true);
          if (!e.altKey && this.open) this.active = 0;
        } else if (n) {
          this.active = (this.active + 1) % n;
        }
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (e.altKey) {
          this.#close();
        } else if (!this.open) {
          this.#refresh(true);
          if (this.open) this.active = this.suggestions.length - 1;
        } else if (n) {
          this.active = this.active <= 0 ? n - 1 : this.active - 1;
        }
        break;
      case 'Enter':
        e.preventDefault();
        if (this.open && this.active >= 0) this.#choose(this.suggestions[this.active]);
        else this.#submit();
        break;
      case 'Escape':
        if (this.open) {
          e.preventDefault();
          e.stopPropagation();
          this.#close();
        } else if (this.text) {
          e.preventDefault();
          e.stopPropagation();
          this.text = '';
          this.#seenQuery = '';
          this.store?.setQuery('');
        }
        break;
      case 'Home':
      case 'End':
      case 'ArrowLeft':
      case 'ArrowRight':
        // These edit the text; visual focus returns to the text box.
        this.active = -1;
        break;
    }
  }

  #keepFocus(e: Event): void {
    e.preventDefault();
  }

  #onListClick(e: Event): void {
    const option = (e.target as Element).closest<HTMLElement>('[role="option"]');
    const index = Number(option?.dataset.index ?? -1);
    if (index >= 0 && this.suggestions[index]) this.#choose(this.suggestions[index]);
  }

  #choose(suggestion: Suggestion): void {
    const store = this.store;
    this.#close();
    if (!suggestion.key) {
      this.#setText(suggestion.value);
      this.#remember(suggestion.value);
      store?.submit(suggestion.value);
      return;
    }
    // Filter suggestions come from the matcher, so its code is here whenever one is chosen.
    if (this.#index.factory?.isJustTheTerm(this.text, suggestion)) this.#setText('');
    // The pending typed query and the filter go out as one search.
    store?.setQuery(this.text);
    store?.toggleFilter(suggestion.key, suggestion.value, true);
  }

  #submit(): void {
    this.#close();
    this.#remember(this.text);
    this.store?.submit(this.text);
  }

  #onClear(): void {
    this.#setText('');
    this.#close();
    this.store?.submit('');
    this.input?.focus();
  }

  #setText(text: string): void {
    this.text = text;
    this.#seenQuery = text;
  }

  #remember(text: string): void {
    const trimmed = text.trim();
    if (!trimmed) return;
    this.#recent = [trimmed, ...this.#recent.filter((r) => r.toLowerCase() !== trimmed.toLowerCase())].slice(
      0,
      MAX_RECENT,
    );
  }

  #close(): void {
    this.#pendingRefresh = undefined;
    this.#wanted = false;
    this.open = false;
    this.active = -1;
  }
}
