import type { SearchStore } from '../../state/search-store.js';
import type { SearchState, SearchStatus } from '../../state/types.js';
import type { WsisBase } from '../../internal/wsis-element.js';

const BUSY: readonly SearchStatus[] = ['loading', 'stalled'];

/** Tells the page what happened: `wsis-search` after each completed search, `wsis-error` for failures and wrong attributes. */
export class PageEventsController {
  readonly #host: WsisBase;
  #unsubscribe?: () => void;
  /** The last configuration message, so an unchanged wrong attribute is reported once. */
  #reported?: string;

  constructor(host: WsisBase) {
    this.#host = host;
  }

  /** Follows this store's transitions (none after `undefined`); called whenever the store is replaced. */
  watch(store: SearchStore | undefined): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    if (!store) return;
    this.#reported = undefined;
    let previous: SearchState = store.state;
    this.#unsubscribe = store.subscribe((s) => {
      const was = previous;
      previous = s;
      if (s.status === was.status || !BUSY.includes(was.status)) return;
      if (s.status === 'ready' || s.status === 'empty') {
        this.#host.emit('wsis-search', { query: s.query, filters: s.filters, total: s.total });
      } else if ((s.status === 'error' || s.status === 'offline') && s.error) {
        this.#host.emit('wsis-error', { code: s.error.code, message: s.error.message });
      }
    });
  }

  /** Wrong attributes: logged and fired once per distinct problem. */
  configProblem(detail: string): void {
    const message = `<${this.#host.localName}>: ${detail}`;
    if (this.#reported === message) return;
    this.#reported = message;
    console.error(message);
    this.#host.emit('wsis-error', { code: 'config', message: detail });
  }
}
