import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createSource } from '../../data/create-source.js';
import type { Filters } from '../../data/query.js';
import { storeContext } from '../../state/context.js';
import { SearchStore, type StoreSnapshot } from '../../state/search-store.js';
import { readConfig, type ConfigProblem, type RawConfig } from './config.js';

type Host = ReactiveControllerHost & HTMLElement;

export interface StoreHostOptions {
  /** The host's attributes as written. */
  read(): RawConfig;
  /** When the attributes are wrong (the store is then gone). */
  onProblem(problem: ConfigProblem): void;
  /** Runs the first search of a fresh store (a link may restore one instead). */
  begin(store: SearchStore): void;
}

const sameScope = (a: Filters, b: Filters) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Owns the host's SearchStore: creates it from api/src/scope/page-size, hands it to the `wsis-*`
 * elements inside through context and to linked ones through `observe`, and recreates it when the
 * source changes (other attributes are applied to the same store, so the visitor's search stays).
 */
export class StoreHostController implements ReactiveController {
  store?: SearchStore;
  /** Why there is no store; undefined while the attributes are right. */
  problem?: ConfigProblem;

  readonly #host: Host;
  readonly #options: StoreHostOptions;
  readonly #provider: ContextProvider<typeof storeContext>;
  #observers = new Set<(store: SearchStore | undefined) => void>();
  #configKey?: string;
  #sourceKey?: string;
  #scope: Filters = {};
  #snapshot?: StoreSnapshot;

  constructor(host: Host, options: StoreHostOptions) {
    this.#host = host;
    this.#options = options;
    this.#provider = new ContextProvider(host, { context: storeContext });
    host.addController(this);
  }

  /** Called now and whenever the store is replaced. */
  observe(callback: (store: SearchStore | undefined) => void): () => void {
    this.#observers.add(callback);
    callback(this.store);
    return () => this.#observers.delete(callback);
  }

  hostConnected(): void {
    this.#configKey = undefined;
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    // A moved element gets a fresh store that resumes the visitor's search.
    if (this.store) this.#snapshot = this.store.snapshot();
    this.#setStore(undefined);
    this.#sourceKey = undefined;
    this.#configKey = undefined;
  }

  // Before each render, so it renders the current store or problem.
  hostUpdate(): void {
    if (!this.#host.isConnected) return;
    const input = this.#options.read();
    const key = JSON.stringify(input);
    if (key === this.#configKey) return;
    this.#configKey = key;
    this.#configure(input);
  }

  #configure(raw: RawConfig): void {
    const config = readConfig(raw, document.baseURI);
    if (!config.ok) return this.#fail(config.problem);
    const key = `${config.api ?? ''} ${config.src ?? ''}`;
    const store = this.store;
    if (store && key === this.#sourceKey) {
      this.problem = undefined;
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
        params: { name, value: (config.api ? raw.api : raw.src) ?? '' },
        detail: `"${name}" could not be used: ${(error as Error)?.message ?? error}`,
      });
    }
    this.problem = undefined;
    this.#sourceKey = key;
    this.#scope = config.scope;
    this.#setStore(next);
    const snapshot = this.#snapshot;
    this.#snapshot = undefined;
    if (snapshot) next.restore(snapshot);
    else this.#options.begin(next);
  }

  #fail(problem: ConfigProblem): void {
    this.problem = problem;
    this.#sourceKey = undefined;
    this.#setStore(undefined);
    this.#options.onProblem(problem);
  }

  #setStore(store: SearchStore | undefined): void {
    if (store === this.store) return;
    this.store?.dispose();
    this.store = store;
    this.#provider.setValue(store);
    for (const observer of this.#observers) observer(store);
  }
}
