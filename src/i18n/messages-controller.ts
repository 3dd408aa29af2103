import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onMessages } from './index.js';

/** Re-renders its host when a language's texts arrive. */
export class MessagesController implements ReactiveController {
  #off?: () => void;
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostConnected(): void {
    this.#off = onMessages(() => this.host.requestUpdate());
  }
  hostDisconnected(): void {
    this.#off?.();
  }
}
