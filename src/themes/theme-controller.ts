import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PRESET_NAMES } from './presets.styles.js';

type Host = ReactiveControllerHost & HTMLElement & { theme?: string; tokens?: string };

/**
 * The theme of an element with `theme` and `tokens` attributes: warns about an unknown preset and applies the `tokens`
 * attribute, whose checking code is a chunk loaded only when the attribute is set. The host's
 * `updateComplete` waits for `settled`.
 */
export class ThemeController implements ReactiveController {
  #theme?: string;
  #tokens?: string;
  #applied: string[] = [];
  #runs = 0;
  /** Resolves once the current tokens are applied. */
  settled: Promise<void> = Promise.resolve();
  /**
   * True until the first tokens are applied: the host may hide its content meanwhile, so a visitor
   * never sees the preset's colours flash before the page's own.
   */
  pending = false;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  // Before each render, so the first one already knows whether tokens are pending.
  hostUpdate(): void {
    const { theme, tokens } = this.host;
    if (theme !== this.#theme) {
      this.#theme = theme;
      if (theme && !(PRESET_NAMES as readonly string[]).includes(theme)) {
        console.warn(
          `<${this.host.localName}>: theme="${theme}" is not a preset; using the default. Use one of: ${PRESET_NAMES.join(', ')}.`,
        );
      }
    }
    if (tokens === this.#tokens) return;
    this.#tokens = tokens;
    const run = ++this.#runs;
    this.pending = !!tokens && !this.#applied.length;
    this.settled = (tokens || this.#applied.length ? import('./tokens.js') : Promise.resolve(undefined)).then(
      (module) => {
        if (!module || run !== this.#runs) return;
        this.#applied = module.applyTokens(this.host, module.parseTokens(tokens ?? null), this.#applied);
      },
      (error: unknown) => console.error(`<${this.host.localName}>: the theme tokens could not be applied.`, error),
    );
    if (this.pending) {
      void this.settled.then(() => {
        if (run !== this.#runs) return;
        this.pending = false;
        this.host.requestUpdate();
      });
    }
  }
}
