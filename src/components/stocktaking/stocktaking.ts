import { ContextProvider } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createSource } from '../../data/create-source.js';
import type { Filters } from '../../data/query.js';
import { dir, matchLang, resolveLang, t, textsReady } from '../../i18n/index.js';
import { storeContext, type StoreProvider } from '../../state/context.js';
import { SearchStore, type StoreSnapshot } from '../../state/search-store.js';
import type { SearchState, SearchStatus } from '../../state/types.js';
import { baseStyles } from '../../themes/base.styles.js';
import { lazyFailed, onLazySettled } from '../../internal/lazy-define.js';
import { WsisBase } from '../../internal/wsis-element.js';
import type { UrlSync } from '../../state/url-sync.js';
import { FiltersOpenController } from './filters-open.js';
import { readConfig, type ConfigProblem, type ScopeAttribute } from './config.js';
import { renderLayout } from './layout.js';
import { styles } from './stocktaking.styles.js';
import { ThemeController } from '../../themes/theme-controller.js';

const SOURCE_PROPS = [
  'api',
  'src',
  'pageSize',
  'editorUrl',
  'scopeActionLine',
  'scopeSdg',
  'scopeCountry',
  'scopeRegion',
  'scopeEntityType',
  'scopeOrganization',
];
const BUSY: readonly SearchStatus[] = ['loading', 'stalled'];

const sameScope = (a: Filters, b: Filters) => JSON.stringify(a) === JSON.stringify(b);

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
 * @csspart filters - The filter column or disclosure.
 * @csspart results - The column holding the map and the entry list.
 *
 * @cssproperty --wsis-filters-width - Width of the filter column at wide sizes (default 19rem).
 * @cssproperty --wsis-color-primary - Accent colour; see the theme tokens for the rest.
 */
export class WsisStocktaking extends WsisBase implements StoreProvider {
  static override styles = [baseStyles, styles];

  @property() api?: string;
  @property() src?: string;
  @property({ reflect: true }) override lang!: string;
  @property({ reflect: true }) theme?: string;
  @property() tokens?: string;
  @property({ attribute: 'sync-url' }) syncUrl?: string;
  /** Kept as written so a wrong value can be quoted back. */
  @property({ attribute: 'page-size' }) pageSize?: string | number;
  @property({ attribute: 'editor-url' }) editorUrl?: string;
  @property({ attribute: 'heading-level' }) headingLevel?: string | number;
  @property({ attribute: 'scope-action-line' }) scopeActionLine?: string;
  @property({ attribute: 'scope-sdg' }) scopeSdg?: string;
  @property({ attribute: 'scope-country' }) scopeCountry?: string;
  @property({ attribute: 'scope-region' }) scopeRegion?: string;
  @property({ attribute: 'scope-entity-type' }) scopeEntityType?: string;
  @property({ attribute: 'scope-organization' }) scopeOrganization?: string;

  /** This element's search; undefined while the attributes are wrong. */
  @state() store?: SearchStore;

  /** Hands `store` to the `wsis-*` elements inside. */
  readonly #provider = new ContextProvider(this, { context: storeContext });

  @state() private configProblem?: ConfigProblem;
  @state() private customLayout = false;

  #observers = new Set<(store: SearchStore | undefined) => void>();
  #sourceKey?: string;
  #scope: Filters = {};
  #reported?: string;
  #unsubscribe?: () => void;
  #snapshot?: StoreSnapshot;
  #needsStore = true;
  #children = new MutationObserver(() => this.#checkLayout());
  #sync?: UrlSync;
  /** Counts sync starts, so a chunk that arrives after a newer start or another store does nothing. */
  #syncStarts = 0;

  constructor() {
    super();
    new FiltersOpenController(this);
  }

  readonly #theme = new ThemeController(this);

  /** Also waits for the theme tokens, whose code may still be loading. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await this.#theme.settled;
    return done;
  }

  /** For elements linked with `for="id"`: called now and whenever the store is replaced. */
  observeStore(callback: (store: SearchStore | undefined) => void): () => void {
    this.#observers.add(callback);
    callback(this.store);
    return () => this.#observers.delete(callback);
  }

  #unwatchLazy?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unwatchLazy = onLazySettled(() => this.requestUpdate());
    this.#children.observe(this, { childList: true });
    this.#checkLayout();
    this.#needsStore = true;
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unwatchLazy?.();
    this.#children.disconnect();
    // A moved element gets a fresh store that resumes the visitor's search.
    if (this.store) this.#snapshot = this.store.snapshot();
    this.#setStore(undefined);
    this.#sourceKey = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.isConnected) return;
    if (this.#needsStore || SOURCE_PROPS.some((p) => changed.has(p as keyof WsisStocktaking))) {
      this.#needsStore = false;
      this.#configure();
    }
  }

  protected override render() {
    const lang = matchLang(this.lang) ?? resolveLang(this);
    const problem = this.configProblem;
    return html`<div
      class="base ${this.#theme.pending || !textsReady(lang) ? 'pending' : ''}"
      part="base"
      dir=${dir(lang)}
      lang=${lang}
      role="region"
      aria-label=${t(lang, 'widget.label')}
    >
      ${problem ? html`<p class="config-error" part="config-error" role="alert">${t(lang, problem.key, problem.params)}</p>` : nothing}
      ${lazyFailed() ? html`<p class="config-error" part="notice" role="status">${t(lang, 'widget.partsUnavailable')}</p>` : nothing}
      ${this.customLayout ? html`<slot></slot>` : problem ? nothing : renderLayout(lang, this.headingLevel)}
    </div>`;
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('lang')) this.#relang();
    if (changed.has('syncUrl') && this.#sync?.param !== (this.syncUrl?.trim() || undefined)) this.#startSync();
  }

  /**
   * One namespaced parameter, so the host page's own parameters and hash are never touched. Its
   * code is a chunk of its own, loaded only when `sync-url` is set.
   */
  #startSync(): void {
    this.#sync?.stop();
    this.#sync = undefined;
    const started = ++this.#syncStarts;
    const store = this.store;
    if (store) store.shareUrl = undefined;
    const param = this.syncUrl?.trim();
    if (!store || !param) return;
    if (!/^[A-Za-z][A-Za-z0-9_-]{0,31}$/.test(param)) {
      console.error(`<wsis-stocktaking>: sync-url="${param}" must be a parameter name of letters, digits, "_" or "-".`);
      return;
    }
    import('../../state/url-sync.js').then(
      ({ UrlSync }) => {
        if (started !== this.#syncStarts || store !== this.store) return;
        const sync = (this.#sync = new UrlSync(store, param));
        store.shareUrl = (id) => sync.shareUrl(id);
        sync.start();
      },
      (error: unknown) => {
        console.error('<wsis-stocktaking>: sync-url could not be started.', error);
        // The link's search never ran: run the default one.
        if (started === this.#syncStarts && store === this.store && store.state.status === 'idle') store.search();
      },
    );
  }

  /** Parts read the language when they render; a new one must reach every nested part. */
  #relang(): void {
    const visit = (root: ParentNode) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.localName.startsWith('wsis-')) (el as Partial<WsisBase>).requestUpdate?.();
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(this.renderRoot);
    visit(this);
  }

  #checkLayout(): void {
    this.customLayout = [...this.children].some((child) => child.localName.startsWith('wsis-'));
  }

  #configure(): void {
    const config = readConfig(
      {
        api: this.api,
        src: this.src,
        pageSize: this.pageSize == null ? null : String(this.pageSize),
        editorUrl: this.editorUrl,
        scope: this.#rawScope(),
      },
      document.baseURI,
    );
    if (!config.ok) return this.#fail(config.problem);
    const key = `${config.api ?? ''} ${config.src ?? ''}`;
    const store = this.store;
    if (store && key === this.#sourceKey) {
      this.configProblem = undefined;
      store.editorUrl = config.editorUrl;
      if (config.pageSize !== undefined && config.pageSize !== store.state.pageSize) store.setPageSize(config.pageSize);
      if (!sameScope(config.scope, this.#scope)) {
        this.#scope = config.scope;
        store.setScope(config.scope);
      }
      return;
    }
    let next: SearchStore;
    try {
      next = new SearchStore(createSource({ api: config.api, src: config.src }), {
        pageSize: config.pageSize,
        scope: config.scope,
      });
      next.editorUrl = config.editorUrl;
    } catch (error) {
      const name = config.api ? 'api' : 'src';
      return this.#fail({
        key: 'config.badAttribute',
        params: { name, value: (config.api ? this.api : this.src) ?? '' },
        detail: `"${name}" could not be used: ${(error as Error)?.message ?? error}`,
      });
    }
    this.configProblem = undefined;
    this.#reported = undefined;
    this.#sourceKey = key;
    this.#scope = config.scope;
    this.#setStore(next);
    const snapshot = this.#snapshot;
    this.#snapshot = undefined;
    if (snapshot) next.restore(snapshot);
    else if (!this.#restoreFromUrl()) next.search();
  }

  /** With sync-url, the link restores the view (and runs its search); returns whether it did. */
  #restoreFromUrl(): boolean {
    if (!this.syncUrl?.trim() || !this.store) return false;
    this.#startSync();
    return new URLSearchParams(location.search).has(this.syncUrl.trim());
  }

  #rawScope(): Partial<Record<ScopeAttribute, string | undefined>> {
    return {
      'scope-action-line': this.scopeActionLine,
      'scope-sdg': this.scopeSdg,
      'scope-country': this.scopeCountry,
      'scope-region': this.scopeRegion,
      'scope-entity-type': this.scopeEntityType,
      'scope-organization': this.scopeOrganization,
    };
  }

  #fail(problem: ConfigProblem): void {
    this.configProblem = problem;
    this.#sourceKey = undefined;
    this.#setStore(undefined);
    const message = `<wsis-stocktaking>: ${problem.detail}`;
    if (this.#reported === message) return;
    this.#reported = message;
    console.error(message);
    this.emit('wsis-error', { code: 'config', message: problem.detail });
  }

  #setStore(store: SearchStore | undefined): void {
    if (store === this.store) return;
    this.#sync?.stop();
    this.#sync = undefined;
    this.#syncStarts++;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.store?.dispose();
    this.store = store;
    this.#provider.setValue(store);
    if (store) this.#unsubscribe = this.#watch(store);
    for (const observer of this.#observers) observer(store);
  }

  /** Turns store transitions into the outward events. */
  #watch(store: SearchStore): () => void {
    let previous: SearchState = store.state;
    return store.subscribe((s) => {
      const was = previous;
      previous = s;
      if (s.status === was.status || !BUSY.includes(was.status)) return;
      if (s.status === 'ready' || s.status === 'empty') {
        this.emit('wsis-search', { query: s.query, filters: s.filters, total: s.total });
      } else if ((s.status === 'error' || s.status === 'offline') && s.error) {
        this.emit('wsis-error', { code: s.error.code, message: s.error.message });
      }
    });
  }
}
