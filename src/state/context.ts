/**
 * The state layer's one Lit adapter: the context `<wsis-stocktaking>` provides its store through,
 * and the controller that gives a component that store.
 */
import { ContextConsumer, createContext } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SearchStore } from './search-store.js';
import type { SearchState } from './types.js';

/** A plain Symbol (not Symbol.for) so a second copy of the bundle never shares stores with this one. */
export const storeContext = createContext<SearchStore | undefined>(Symbol('wsis-search-store'));

/** What `<wsis-stocktaking>` offers to elements linked by `for="id"`. */
export interface StoreProvider extends HTMLElement {
  observeStore(callback: (store: SearchStore | undefined) => void): () => void;
}

export function isStoreProvider(el: Element | null): el is StoreProvider {
  return !!el && typeof (el as Partial<StoreProvider>).observeStore === 'function';
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Resolves once the next frame has painted (a frame, then a task), so work that can wait
 * does not delay it; after 100 ms where frames do not run (a hidden tab).
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }),
    );
  });
}

export interface StoreControllerOptions {
  /** Renders a new answer at once; other parts render it after it has painted (the results come first). */
  first?: boolean;
}

/**
 * Gives a component the store of its `<wsis-stocktaking>`: the nearest ancestor through
 * context, or the one named by the host's `for` attribute. Re-renders the host on every change.
 */
export class StoreController implements ReactiveController {
  store?: SearchStore;
  #host: Host;
  #unsubscribe?: () => void;
  #unlink?: () => void;
  #linkedTo?: string;
  #fromContext?: SearchStore;
  #first: boolean;
  #seen?: Readonly<SearchState>;
  #afterPaint?: Promise<void>;

  constructor(host: Host, options: StoreControllerOptions = {}) {
    this.#host = host;
    this.#first = options.first ?? false;
    host.addController(this);
    new ContextConsumer(host, {
      context: storeContext,
      subscribe: true,
      callback: (store) => {
        this.#fromContext = store;
        if (!this.#linkedTo) this.#attach(store);
      },
    });
  }

  get state(): Readonly<SearchState> | undefined {
    return this.store?.state;
  }

  /** What the host's next update waits for: the paint of a new answer by the parts that come first. */
  takeDelay(): Promise<void> | undefined {
    const delay = this.#afterPaint;
    this.#afterPaint = undefined;
    return delay;
  }

  hostConnected(): void {
    this.#link();
  }

  hostDisconnected(): void {
    this.#unlink?.();
    this.#unlink = undefined;
    this.#linkedTo = undefined;
    this.#attach(undefined);
  }

  /** Call when the host's `for` attribute changes. */
  relink(): void {
    this.#unlink?.();
    this.#unlink = undefined;
    this.#linkedTo = undefined;
    this.#link();
  }

  #link(): void {
    const id = this.#host.getAttribute('for');
    if (!id) {
      this.#attach(this.#fromContext);
      return;
    }
    this.#linkedTo = id;
    const find = () => {
      if (this.#linkedTo !== id || !this.#host.isConnected) return true;
      const root = this.#host.getRootNode() as Document | ShadowRoot;
      const target = root.getElementById?.(id) ?? document.getElementById(id);
      if (!isStoreProvider(target)) return false;
      this.#unlink = target.observeStore((store) => this.#attach(store));
      return true;
    };
    if (find()) return;
    // The provider may be later in the page or not yet upgraded.
    const retry = () => void find();
    customElements.whenDefined('wsis-stocktaking').then(retry);
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', retry, { once: true });
  }

  #attach(store: SearchStore | undefined): void {
    if (store === this.store) return;
    this.#unsubscribe?.();
    this.store = store;
    this.#seen = store?.state;
    this.#unsubscribe = store?.subscribe((state) => this.#changed(state));
    this.#host.requestUpdate();
  }

  #changed(state: Readonly<SearchState>): void {
    const answered = state.results !== this.#seen?.results || state.facets !== this.#seen?.facets;
    this.#seen = state;
    if (answered && !this.#first) this.#afterPaint ??= afterPaint();
    this.#host.requestUpdate();
  }
}
