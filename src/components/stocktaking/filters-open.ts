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
  #wide = false;
  #panels = new WeakMap<HTMLDetailsElement, Panel>();

  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    // Measured once before the first render, while the widget is still empty and this costs no layout of
    // its own; from then on the observer reports the width, so opening panels never forces a layout.
    this.#measure(this.#host.clientWidth);
    this.#observer = new ResizeObserver(([entry]) => {
      this.#measure(entry.contentBoxSize?.[0]?.inlineSize ?? entry.contentRect.width);
      // Applied a frame later: changing the size inside the observer's callback would loop.
      cancelAnimationFrame(this.#frame);
      this.#frame = requestAnimationFrame(() => this.#apply());
    });
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    cancelAnimationFrame(this.#frame);
  }

  /** Right after each render, before the browser lays it out: the first frame already has them open. */
  hostUpdated(): void {
    this.#apply();
  }

  #measure(width: number): void {
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    this.#wide = width >= WIDE_REM * rem;
  }

  #apply(): void {
    const wide = this.#wide;
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
