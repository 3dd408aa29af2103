import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SearchStore } from '../../state/search-store.js';
import type { UrlSync } from '../../state/url-sync.js';

type Host = ReactiveControllerHost & HTMLElement & { syncUrl?: string };

/**
 * Mirrors the store into ONE namespaced parameter of the page URL (`sync-url`), so the host page's
 * own parameters and hash are never touched. Its code is a chunk of its own, loaded only when
 * `sync-url` is set.
 */
export class UrlSyncController implements ReactiveController {
  readonly #host: Host;
  #store?: SearchStore;
  #sync?: UrlSync;
  #seen?: string;
  /** Counts starts, so a chunk that arrives after a newer start or another store does nothing. */
  #starts = 0;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  get #param(): string | undefined {
    return this.#host.syncUrl?.trim() || undefined;
  }

  hostUpdated(): void {
    const param = this.#param;
    if (param === this.#seen) return;
    this.#seen = param;
    if (this.#sync?.param !== param) this.#start();
  }

  /** Stops mirroring the previous store; call whenever the store is replaced. */
  setStore(store: SearchStore | undefined): void {
    this.#stop();
    this.#store = store;
  }

  /** With `sync-url`, starts mirroring and returns whether the link restores the view (and runs its search). */
  restore(): boolean {
    const param = this.#param;
    if (!param || !this.#store) return false;
    this.#start();
    return new URLSearchParams(location.search).has(param);
  }

  #stop(): void {
    this.#sync?.stop();
    this.#sync = undefined;
    this.#starts++;
  }

  #start(): void {
    this.#stop();
    const started = this.#starts;
    const store = this.#store;
    if (store) store.shareUrl = undefined;
    const param = this.#param;
    if (!store || !param) return;
    const current = () => started === this.#starts && store === this.#store;
    import('./url-sync-start.js').then(
      ({ startUrlSync }) => {
        this.#sync = startUrlSync(store, param, current) ?? this.#sync;
      },
      (error: unknown) => {
        console.error('<wsis-stocktaking>: sync-url could not be started.', error);
        // The link's search never ran: run the default one.
        if (current() && store.state.status === 'idle') store.search();
      },
    );
  }
}
