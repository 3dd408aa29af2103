/** Quiet time after the text last changed before a count is announced. */
export const SETTLE_MS = 700;

/**
 * What the live region says. A count is announced once, when it is final: for text the visitor
 * has stopped changing for SETTLE_MS. While typing, the region keeps saying it is searching even
 * when each key's answer is already painted, so a typed word produces one announcement of a count.
 */
export class Announcer {
  /** The text of the live region. */
  text = '';
  #query?: string;
  #changedAt = -Infinity;
  #timer?: ReturnType<typeof setTimeout>;

  /** `onChange` is called when the text changes later, after the settle time. */
  constructor(
    private readonly onChange: () => void,
    private readonly settleMs = SETTLE_MS,
  ) {}

  /**
   * `summary` is the visible summary; `final` says whether it is the count answered for the
   * current text (anything else, searching, stalled or empty, is said at once).
   */
  update(summary: string, final: boolean, query: string): void {
    const now = Date.now();
    // The first text seen is no edit: its count is said at once.
    if (this.#query !== undefined && query !== this.#query) this.#changedAt = now;
    this.#query = query;
    clearTimeout(this.#timer);
    const wait = final ? this.#changedAt + this.settleMs - now : 0;
    if (wait <= 0) this.text = summary;
    else
      this.#timer = setTimeout(() => {
        if (summary === this.text) return;
        this.text = summary;
        this.onChange();
      }, wait);
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }
}
