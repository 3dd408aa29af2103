import type { ReactiveController, ReactiveElement } from 'lit';
import { onLazySettled } from '../../internal/lazy-define.js';
import { FiltersOpenController } from './filters-open.js';

/**
 * Chooses between the default layout and a custom one: any `wsis-*` child element makes the
 * layout the page's own (slotted). Re-renders when a lazily loaded part arrives or fails, so the
 * widget can say that parts are unavailable.
 */
export class LayoutController implements ReactiveController {
  /** Whether the page supplies its own layout. */
  custom = false;

  readonly #host: ReactiveElement;
  readonly #children = new MutationObserver(() => this.#check());
  #unwatchLazy?: () => void;

  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
    new FiltersOpenController(host);
  }

  hostConnected(): void {
    this.#unwatchLazy = onLazySettled(() => this.#host.requestUpdate());
    this.#children.observe(this.#host, { childList: true });
    this.#check();
  }

  hostDisconnected(): void {
    this.#unwatchLazy?.();
    this.#children.disconnect();
  }

  #check(): void {
    const custom = [...this.#host.children].some((child) => child.localName.startsWith('wsis-'));
    if (custom === this.custom) return;
    this.custom = custom;
    this.#host.requestUpdate();
  }
}
