import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * The container width (in rem) from which the layout puts the filters beside the list: the `48rem` of
 * stocktaking.styles.ts, written out there because the build minifies only CSS without interpolations.
 */
export const WIDE_REM = 48;

/**
 * Beside the list the filters' <details> is really opened, not only shown by CSS: WebKit skips
 * the content of a closed <details> when tabbing, even where ::details-content displays it.
 * Back in the narrow layout it is as the visitor left it there.
 */
export class FiltersOpenController implements ReactiveController {
  readonly #host: ReactiveElement;
  #observer?: ResizeObserver;
  #frame = 0;
  #details?: HTMLDetailsElement;
  #wide?: boolean;
  #narrowOpen = false;

  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    // Applied a frame later: changing the size inside the observer's callback would loop.
    this.#observer = new ResizeObserver(() => this.#schedule());
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    cancelAnimationFrame(this.#frame);
  }

  hostUpdated(): void {
    this.#schedule();
  }

  #schedule(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#apply());
  }

  #apply(): void {
    const details = this.#host.renderRoot.querySelector<HTMLDetailsElement>('details.filters');
    if (!details) return;
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const wide = this.#host.clientWidth >= WIDE_REM * rem;
    if (details !== this.#details) {
      this.#details = details;
      this.#wide = undefined;
      this.#narrowOpen = details.open;
    } else if (wide === this.#wide) {
      return;
    } else if (wide) {
      this.#narrowOpen = details.open;
    }
    this.#wide = wide;
    details.open = wide || this.#narrowOpen;
  }
}
