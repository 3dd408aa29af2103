import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * The container width (in rem) from which the layout puts the map and filters beside the list: the
 * `48rem` of stocktaking.styles.ts, written out there because the build minifies only CSS without
 * interpolations.
 */
export const WIDE_REM = 48;

interface Panel {
  wide?: boolean;
  /** Whether the visitor left it open in the narrow layout. */
  narrowOpen: boolean;
}

/**
 * Beside the list the side panels' <details> (map, filters) are really opened, not only shown by
 * CSS: WebKit skips the content of a closed <details> when tabbing, even where ::details-content
 * displays it. Back in the narrow layout each is as the visitor left it there.
 */
export class FiltersOpenController implements ReactiveController {
  readonly #host: ReactiveElement;
  #observer?: ResizeObserver;
  #frame = 0;
  #panels = new WeakMap<HTMLDetailsElement, Panel>();

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
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const wide = this.#host.clientWidth >= WIDE_REM * rem;
    for (const details of this.#host.renderRoot.querySelectorAll<HTMLDetailsElement>('details.side-panel')) {
      let panel = this.#panels.get(details);
      if (!panel) this.#panels.set(details, (panel = { narrowOpen: details.open }));
      else if (wide === panel.wide) continue;
      else if (wide) panel.narrowOpen = details.open;
      panel.wide = wide;
      details.open = wide || panel.narrowOpen;
    }
  }
}
