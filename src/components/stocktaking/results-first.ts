import type { ReactiveController, ReactiveElement } from 'lit';
import { afterPaint } from '../../state/context.js';
import type { SearchStore } from '../../state/search-store.js';
import type { SearchState } from '../../state/types.js';

/** How long the default layout waits for the first answer before it shows its shell without one. */
export const SHELL_WAIT_MS = 200;

/** A first answer is on show, or known to be slow. */
const settled = (s: Readonly<SearchState>) => s.status !== 'idle' && s.status !== 'loading';

/**
 * The order in which the default layout appears, results first:
 * 1. nothing, until the first answer is in (or SHELL_WAIT_MS have passed): search box, list and answer
 *    then come in one render and one frame, not a frame of empty shell and then a second one;
 * 2. the side column (map and filters) once that frame has painted: creating a dozen elements and
 *    loading their code would otherwise sit between the answer and its frame. Its toggles and its room
 *    are there from step 1, so nothing moves when it arrives.
 */
export class ResultsFirstController implements ReactiveController {
  /** Whether the search box, the list and the rest of the results column are rendered. */
  shell = false;
  /** Whether the side column's elements are rendered. */
  side = false;
  /** Resolve once the shell, and then the side column, are rendered (for `updateComplete`). */
  readonly shown: Promise<void>;
  readonly sideShown: Promise<void>;

  readonly #host: ReactiveElement;
  #unsubscribe?: () => void;
  #store?: SearchStore;
  #timer?: ReturnType<typeof setTimeout>;
  #resolveShown!: () => void;
  #resolveSide!: () => void;

  constructor(host: ReactiveElement) {
    this.#host = host;
    this.shown = new Promise((resolve) => (this.#resolveShown = resolve));
    this.sideShown = new Promise((resolve) => (this.#resolveSide = resolve));
    host.addController(this);
  }

  /** What `updateComplete` should wait for besides the host's own update: the parts still to come. */
  pending(store: SearchStore | undefined): Promise<void> | undefined {
    if (!store || !this.#host.isConnected) return undefined;
    if (!this.shell) return this.shown;
    // Once an answer is in, the side column follows within a frame.
    if (!this.side && settled(store.state)) return this.sideShown;
    return undefined;
  }

  /** Call with each store the widget gets. */
  watch(store: SearchStore | undefined): void {
    this.#stop();
    this.#store = store;
    if (this.side || !store || !this.#host.isConnected) return;
    if (!this.shell) this.#timer = setTimeout(() => this.#showShell(), SHELL_WAIT_MS);
    const check = () => {
      if (!settled(store.state)) return;
      this.#stop();
      this.#showShell();
      void afterPaint().then(() => {
        if (this.side) return;
        this.side = true;
        this.#resolveSide();
        this.#host.requestUpdate();
      });
    };
    this.#unsubscribe = store.subscribe(check);
    check();
  }

  hostConnected(): void {
    this.watch(this.#store);
  }

  hostDisconnected(): void {
    this.#stop();
  }

  #showShell(): void {
    clearTimeout(this.#timer);
    if (this.shell) return;
    this.shell = true;
    this.#resolveShown();
    this.#host.requestUpdate();
  }

  #stop(): void {
    clearTimeout(this.#timer);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
