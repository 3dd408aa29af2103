import { html, nothing, type PropertyDeclarations } from 'lit';
import { registerMessages, t } from '../../i18n/index.js';
import { enExport } from '../../i18n/en-export.js';
import { WsisElement } from '../../internal/wsis-element.js';
import { baseStyles } from '../../themes/base.styles.js';
import type { ExportFormat } from '../../internal/events.js';
import type { ExportRun, Notice } from './export-run.js';
import { styles } from './export.styles.js';

registerMessages('en', enExport);

export type { ExportFormat, WsisExportDetail } from '../../internal/events.js';

/**
 * Downloads every entry of the current search (all pages, up to a cap) as CSV or JSON.
 * CSV cells that a spreadsheet would run as formulas are written as text.
 * Large exports show a progress bar and a Cancel button; cancelling sends no further requests.
 *
 * @summary "Export CSV" and "Export JSON" buttons for the current result set.
 *
 * @attr for - The id of the `<wsis-stocktaking>` to export from, when not placed inside it.
 * @attr lang - Interface language (default: the nearest `lang`).
 *
 * @fires wsis-export - After a file is handed to the browser: `{ format, count, total, capped }`.
 *
 * @csspart base - The group around everything.
 * @csspart button - Each button (export and cancel); the cancel button also has `cancel-button`.
 * @csspart progress - The progress bar of a running export.
 * @csspart message - The note after an export (capped or cancelled) or its error.
 *
 * @cssproperty --wsis-color-primary - Button text and border, progress bar.
 * @cssproperty --wsis-color-error - Error message.
 */
export class WsisExport extends WsisElement {
  static override styles = [baseStyles, styles];
  static override properties: PropertyDeclarations = {
    lang: { reflect: true },
  };

  override lang!: string;

  /** The export's code and its Task, loaded on the first click. */
  #run?: ExportRun;
  #loading?: Promise<ExportRun>;
  /** That code could not be loaded; the next click tries again. */
  #unloaded = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cancel();
  }

  /** Stops a running export; the request in flight is aborted and no other is sent. */
  cancel(): void {
    this.#run?.task.abort();
  }

  protected override render() {
    const lang = this.localize.lang;
    const busy = !!this.#run?.busy;
    const unavailable = !this.store;
    const notice: Notice | undefined = this.#unloaded
      ? { kind: 'error', text: t(lang, 'export.failed') }
      : this.#run?.notice(lang);
    return html`<div
      part="base"
      class="base"
      role="group"
      aria-label=${t(lang, 'export.label')}
      dir=${this.localize.dir}
    >
      <div class="buttons">
        ${(['csv', 'json'] as const).map(
          (format) =>
            html`<button
              type="button"
              part="button"
              class="start"
              data-format=${format}
              aria-disabled=${busy || unavailable ? 'true' : 'false'}
              @click=${() => this.#start(format)}
            >
              ${t(lang, `export.${format}`)}
            </button>`,
        )}
      </div>
      ${this.#run?.progress(lang)}
      <p part="message" class="note" role="status">${notice?.kind === 'error' ? nothing : notice?.text}</p>
      ${notice?.kind === 'error' ? html`<p part="message" class="error" role="alert">${notice.text}</p>` : nothing}
    </div>`;
  }

  async #start(format: ExportFormat): Promise<void> {
    if (!this.store || this.#run?.busy) return;
    this.#loading ??= import('./export-run.js').then(({ ExportRun }) => new ExportRun(this, () => this.store));
    try {
      this.#run = await this.#loading;
      this.#unloaded = false;
    } catch {
      this.#loading = undefined;
      this.#unloaded = true;
      this.requestUpdate();
      return;
    }
    if (!this.#run.busy) void this.#run.task.run([format]);
  }
}
