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
  /** SHELL_WAIT_MS; tests that hold the first answer on purpose may change it. */
  static shellWaitMs = SHELL_WAIT_MS;
  /** Whether the search box, the list and the rest of the results column are rendered. */
  shell = false;
  /** Whether the side column's elements are rendered. */
  side = false;

  readonly #host: ReactiveElement;
  #store?: SearchStore;
  #stop?: () => void;
  /** Resolves at the next step. */
  #step!: Promise<void>;
  #stepped!: () => void;

  constructor(host: ReactiveElement) {
    this.#host = host;
    this.#nextStep();
    host.addController(this);
  }

  /** What `updateComplete` should wait for besides the host's own update: the next step still to come. */
  pending(store: SearchStore | undefined): Promise<void> | undefined {
    if (!store || !this.#host.isConnected) return undefined;
    return !this.shell || (!this.side && settled(store.state)) ? this.#step : undefined;
  }

  /** Call with each store the widget gets. */
  watch(store: SearchStore | undefined): void {
    this.#stop?.();
    this.#store = store;
    if (this.side || !store || !this.#host.isConnected) return;
    const timer = setTimeout(() => this.#go('shell'), ResultsFirstController.shellWaitMs);
    const check = () => {
      if (!settled(store.state)) return;
      this.#stop?.();
      this.#go('shell');
      void afterPaint().then(() => this.#go('side'));
    };
    const unsubscribe = store.subscribe(check);
    this.#stop = () => {
      clearTimeout(timer);
      unsubscribe();
      this.#stop = undefined;
    };
    check();
  }

  hostConnected(): void {
    this.watch(this.#store);
  }

  hostDisconnected(): void {
    this.#stop?.();
  }

  #go(step: 'shell' | 'side'): void {
    if (this[step]) return;
    this[step] = true;
    const stepped = this.#stepped;
    this.#nextStep();
    stepped();
    this.#host.requestUpdate();
  }

  #nextStep(): void {
    this.#step = new Promise((resolve) => (this.#stepped = resolve));
  }
}
