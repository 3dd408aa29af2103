import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PRESET_NAMES } from '../../themes/presets.styles.js';

type Host = ReactiveControllerHost & HTMLElement & { theme?: string; tokens?: string };

/**
 * The theme of `<wsis-stocktaking>`: warns about an unknown preset and applies the `tokens`
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

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostUpdated(): void {
    const { theme, tokens } = this.host;
    if (theme !== this.#theme) {
      this.#theme = theme;
      if (theme && !(PRESET_NAMES as readonly string[]).includes(theme)) {
        console.warn(
          `<wsis-stocktaking>: theme="${theme}" is not a preset; using the default. Use one of: ${PRESET_NAMES.join(', ')}.`,
        );
      }
    }
    if (tokens === this.#tokens) return;
    this.#tokens = tokens;
    const run = ++this.#runs;
    this.settled = (
      tokens || this.#applied.length ? import('../../themes/tokens.js') : Promise.resolve(undefined)
    ).then(
      (module) => {
        if (!module || run !== this.#runs) return;
        this.#applied = module.applyTokens(this.host, module.parseTokens(tokens ?? null), this.#applied);
      },
      (error: unknown) => console.error('<wsis-stocktaking>: the theme tokens could not be applied.', error),
    );
  }
}
