import { html, nothing, type PropertyDeclarations } from 'lit';
import type { ExportProgress } from '../../data/export.js';
import { SourceError } from '../../data/source.js';
import { type Lang, type MessageKey, registerMessages, t } from '../../i18n/index.js';
import { enExport } from '../../i18n/en-export.js';
import { WsisElement } from '../../internal/wsis-element.js';
import { baseStyles } from '../../themes/base.styles.js';
import type { ExportFormat } from '../../internal/events.js';
import { styles } from './export.styles.js';

registerMessages('en', enExport);

export type { ExportFormat, WsisExportDetail } from '../../internal/events.js';

/** Above one page of the API, an export takes several requests: worth a progress bar and Cancel. */
const LARGE = 100;

const TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json;charset=utf-8',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** `wsis-stocktaking-2026-11-29.csv`, in the visitor's own calendar day. */
export function exportFileName(format: ExportFormat, now = new Date()): string {
  return `wsis-stocktaking-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${format}`;
}

interface Notice {
  kind: 'capped' | 'cancelled' | 'error';
  text: string;
}

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
    running: { state: true },
    progress: { state: true },
    notice: { state: true },
  };

  override lang!: string;

  private running?: ExportFormat;
  private progress?: ExportProgress;
  private notice?: Notice;

  #controller?: AbortController;
  /** The export cap, known once the export code has loaded (on first use). */
  #cap = Infinity;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#controller?.abort();
  }

  /** Stops a running export; the request in flight is aborted and no other is sent. */
  cancel(): void {
    this.#controller?.abort();
  }

  protected override render() {
    const lang = this.localize.lang;
    const busy = !!this.running;
    const unavailable = !this.store;
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
      ${busy && this.#large() ? this.#renderProgress(lang) : nothing}
      <p part="message" class="note" role="status">${this.notice?.kind === 'error' ? nothing : this.notice?.text}</p>
      ${
        this.notice?.kind === 'error'
          ? html`<p part="message" class="error" role="alert">${this.notice.text}</p>`
          : nothing
      }
    </div>`;
  }

  #renderProgress(lang: Lang) {
    const done = this.progress?.done ?? 0;
    const total = Math.max(this.progress?.total ?? this.#estimate(), done, 1);
    return html`<div class="running">
      <progress part="progress" max=${total} value=${done} aria-labelledby="progress-text"></progress>
      <span id="progress-text" class="progress-text">${t(lang, 'export.progress', { done, total })}</span>
      <button type="button" part="button cancel-button" class="cancel" @click=${this.cancel}>
        ${t(lang, 'export.cancel')}
      </button>
    </div>`;
  }

  #estimate(): number {
    return Math.min(this.store?.state.total ?? 0, this.#cap);
  }

  #large(): boolean {
    return Math.max(this.progress?.total ?? 0, this.#estimate()) > LARGE;
  }

  async #start(format: ExportFormat): Promise<void> {
    const store = this.store;
    if (!store || this.running) return;
    const lang = this.localize.lang;
    const controller = (this.#controller = new AbortController());
    this.running = format;
    this.progress = undefined;
    this.notice = undefined;
    try {
      const { EXPORT_CAP, toCsv } = await import('../../data/export.js');
      this.#cap = EXPORT_CAP;
      const result = await store.exportAll({
        signal: controller.signal,
        onProgress: (p) => {
          if (!controller.signal.aborted) this.progress = p;
        },
      });
      controller.signal.throwIfAborted();
      // The export covers every page, so paging and facets say nothing about it.
      const { page: _page, pageSize: _pageSize, facets: _facets, ...query } = result.params;
      const text =
        format === 'csv'
          ? toCsv(result.entries)
          : JSON.stringify(
              { exported: new Date().toISOString(), query, total: result.total, entries: result.entries },
              null,
              2,
            );
      this.#download(text, format);
      if (result.capped) this.notice = { kind: 'capped', text: t(lang, 'export.capped', { n: this.#cap }) };
      this.emit('wsis-export', { format, count: result.entries.length, total: result.total, capped: result.capped });
    } catch (error) {
      if (controller.signal.aborted) {
        if (this.isConnected) this.notice = { kind: 'cancelled', text: t(lang, 'export.cancelled') };
      } else {
        const code = error instanceof SourceError ? error.code : undefined;
        const reason = code ? ` ${t(lang, `error.${code}` as MessageKey)}` : '';
        this.notice = { kind: 'error', text: `${t(lang, 'export.failed')}${reason}` };
      }
    } finally {
      if (this.#controller === controller) this.#controller = undefined;
      await this.#finish(format);
    }
  }

  /** Ends the running state; focus on the vanishing Cancel button goes back to the button that started. */
  async #finish(format: ExportFormat): Promise<void> {
    const hadFocus = this.shadowRoot?.activeElement?.classList.contains('cancel') ?? false;
    this.running = undefined;
    this.progress = undefined;
    await this.updateComplete;
    if (hadFocus) this.renderRoot.querySelector<HTMLElement>(`.start[data-format="${format}"]`)?.focus();
  }

  #download(text: string, format: ExportFormat): void {
    const url = URL.createObjectURL(new Blob([text], { type: TYPES[format] }));
    const link = document.createElement('a');
    link.href = url;
    link.download = exportFileName(format);
    link.hidden = true;
    // Firefox only follows a link that is in a document.
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    // Revoked a moment later: some browsers read the URL after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
