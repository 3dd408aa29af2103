import { html, nothing, type PropertyDeclarations } from 'lit';
import { textsReady } from '../../i18n/index.js';
import type { StoreProvider } from '../../state/context.js';
import type { SearchStore } from '../../state/search-store.js';
import { baseStyles } from '../../themes/base.styles.js';
import { lazyFailed } from '../../internal/lazy-define.js';
import { WsisBase } from '../../internal/wsis-element.js';
import { ThemeController } from '../../themes/theme-controller.js';
import { SCOPE_ATTRIBUTES } from './config.js';
import { renderLayout } from './layout.js';
import { LayoutController } from './layout-controller.js';
import { PageEventsController } from './page-events.js';
import { ResultsFirstController } from './results-first.js';
import { StoreHostController } from './store-host.js';
import { styles } from './stocktaking.styles.js';
import { UrlSyncController } from './url-sync-controller.js';

/**
 * @summary Searches the WSIS Stocktaking database: the whole widget, or the provider of one search
 * for `wsis-*` elements placed inside it or linked to it with `for="id"`.
 *
 * @attr api - Base URL of a search API (docs/api.md). Set `api` or `src`, not both.
 * @attr src - URL of a static JSON data file, searched in the browser.
 * @attr lang - Interface language: ar, zh, en, fr, ru or es (default: the page's, else English).
 * @attr theme - Theme preset: default, ungis, dark, high-contrast or auto (follows the visitor's colour scheme).
 * @attr tokens - Theme token values as JSON, e.g. `{"color-primary":"#7a1f5c"}`; invalid ones are ignored with a warning.
 * @attr sync-url - Name of ONE query parameter of the page URL that mirrors the search and the open entry,
 *   so links and back/forward work (e.g. `sync-url="st"`). Without it the URL is never touched.
 * @attr editor-url - URL of the manage page (http(s) or relative). When set, an open entry links to it
 *   ("Update this entry", `editor-url?entry=ID`); without it there is no such link.
 * @attr page-size - Entries per page, a whole number from 1 to 100 (default 20).
 * @attr heading-level - Level of the entry title headings, 2–6 (default: one below the heading before the widget).
 * @attr scope-action-line - Fixed action lines, a comma list such as `C7.e-health,C3`.
 * @attr scope-sdg - Fixed SDGs, a comma list of 1–17.
 * @attr scope-country - Fixed countries, a comma list of ISO codes such as `RW,KE` (`INTL` for international).
 * @attr scope-region - Fixed ITU regions, a comma list such as `africa,arab_states`.
 * @attr scope-entity-type - Fixed stakeholder types, a comma list such as `government,academia`.
 * @attr scope-organization - Fixed organizations, a comma list; write a comma inside a name as `\,`
 *   (`scope-organization="Ministry of ICT\, Rwanda,ITU"`). Visitors can narrow but never remove a scope.
 *
 * @slot - `wsis-*` elements for a custom layout. Without any, the default layout is shown.
 *
 * @fires wsis-search - After each completed search: `{ query, filters, total }` (`filters` are the visitor's, scope excluded).
 * @fires wsis-error - When a search fails or the attributes are wrong: `{ code, message }` (`code` is `config` for attributes).
 *
 * @csspart base - The wrapper around everything.
 * @csspart config-error - The message shown when the attributes are wrong.
 * @csspart notice - The message shown when some parts (filters, map, export, details) could not be loaded.
 * @csspart map - The map: beside the list at wide sizes, behind a "Map" toggle on narrow ones.
 * @csspart filters - The filters: beside the list at wide sizes, behind a "Filters" toggle on narrow ones.
 * @csspart results - The column holding the active filters, the export and the entry list.
 *
 * @cssproperty --wsis-filters-width - Width of the column of map and filters at wide sizes (default 19rem).
 * @cssproperty --wsis-color-primary - Accent colour; see the theme tokens for the rest.
 */
/** `scope-action-line` → `scopeActionLine`. */
const camel = (name: string) => name.replace(/-(.)/g, (_, c: string) => c.toUpperCase());

export class WsisStocktaking extends WsisBase implements StoreProvider {
  static override styles = [baseStyles, styles];
  static override properties: PropertyDeclarations = {
    api: {},
    src: {},
    lang: { reflect: true },
    theme: { reflect: true },
    tokens: {},
    syncUrl: { attribute: 'sync-url' },
    pageSize: { attribute: 'page-size' },
    editorUrl: { attribute: 'editor-url' },
    headingLevel: { attribute: 'heading-level' },
    scopeActionLine: { attribute: 'scope-action-line' },
    scopeSdg: { attribute: 'scope-sdg' },
    scopeCountry: { attribute: 'scope-country' },
    scopeRegion: { attribute: 'scope-region' },
    scopeEntityType: { attribute: 'scope-entity-type' },
    scopeOrganization: { attribute: 'scope-organization' },
  };

  api?: string;
  src?: string;
  override lang!: string;
  theme?: string;
  tokens?: string;
  syncUrl?: string;
  /** Kept as written so a wrong value can be quoted back. */
  pageSize?: string | number;
  editorUrl?: string;
  headingLevel?: string | number;
  scopeActionLine?: string;
  scopeSdg?: string;
  scopeCountry?: string;
  scopeRegion?: string;
  scopeEntityType?: string;
  scopeOrganization?: string;

  readonly #theme = new ThemeController(this);
  readonly #layout = new LayoutController(this);
  readonly #events = new PageEventsController(this);
  readonly #sync = new UrlSyncController(this);
  readonly #resultsFirst = new ResultsFirstController(this);
  readonly #store = new StoreHostController(this, {
    read: () => ({
      api: this.api,
      src: this.src,
      pageSize: this.pageSize == null ? null : String(this.pageSize),
      editorUrl: this.editorUrl,
      scope: Object.fromEntries(
        Object.keys(SCOPE_ATTRIBUTES).map((name) => [name, this[camel(name) as keyof this] as string | undefined]),
      ),
    }),
    onProblem: (problem) => this.#events.configProblem(problem.detail),
    // With sync-url, the link restores the view and runs its search.
    begin: (store) => {
      if (!this.#sync.restore()) store.search();
    },
  });

  constructor() {
    super();
    this.#store.observe((store) => {
      this.#sync.setStore(store);
      this.#events.watch(store);
      this.#resultsFirst.watch(store);
    });
  }

  /** This element's search; undefined while the attributes are wrong. */
  get store(): SearchStore | undefined {
    return this.#store.store;
  }

  /** For elements linked with `for="id"`: called now and whenever the store is replaced. */
  observeStore(callback: (store: SearchStore | undefined) => void): () => void {
    return this.#store.observe(callback);
  }

  /** Also waits for the theme tokens, whose code may still be loading. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await this.#theme.settled;
    // The default layout appears with the first answer (or shortly without it), its side column a frame later.
    for (let next; !this.#layout.custom && (next = this.#resultsFirst.pending(this.store));) {
      await next;
      await super.getUpdateComplete();
    }
    return done;
  }

  protected override render() {
    const lang = this.localize.lang;
    const problem = this.#store.problem;
    return html`<div
      class="base ${this.#theme.pending || !textsReady(lang) ? 'pending' : ''}"
      part="base"
      dir=${this.localize.dir}
      lang=${lang}
      role="region"
      aria-label=${this.localize.term('widget.label')}
    >
      ${problem ? html`<p class="config-error" part="config-error" role="alert">${this.localize.term(problem.key, problem.params)}</p>` : nothing}
      ${lazyFailed() ? html`<p class="config-error" part="notice" role="status">${this.localize.term('widget.partsUnavailable')}</p>` : nothing}
      ${this.#layout.custom ? html`<slot></slot>` : problem || !this.#resultsFirst.shell ? nothing : renderLayout(lang, this.headingLevel, this.#resultsFirst.side)}
    </div>`;
  }
}
