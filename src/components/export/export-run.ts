/**
 * The run of `<wsis-export>`, a chunk of its own loaded on the first click: one Task per element,
 * started by the buttons (`run([format])`) and aborted by Cancel, with its progress and outcome.
 */
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type ReactiveController } from 'lit';
import { EXPORT_CAP, toCsv, type ExportProgress } from '../../data/export.js';
import { abortedError } from '../../data/fetch-json.js';
import { SourceError } from '../../data/source.js';
import { type Lang, type MessageKey, t } from '../../i18n/index.js';
import type { ExportFormat } from '../../internal/events.js';
import type { SearchStore } from '../../state/search-store.js';
import type { WsisExport } from './export.js';

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

export interface Notice {
  kind: 'capped' | 'cancelled' | 'error';
  text: string;
}

export class ExportRun implements ReactiveController {
  /** Completes with whether the file was capped; fails with the reason, a SourceError 'aborted' when cancelled. */
  readonly task: Task<readonly [ExportFormat], boolean>;
  #progress?: ExportProgress;
  #format?: ExportFormat;
  #cancelFocused = false;

  constructor(
    private readonly host: WsisExport,
    private readonly store: () => SearchStore | undefined,
  ) {
    host.addController(this);
    this.task = new Task(host, { autoRun: false, task: ([format], { signal }) => this.#run(format, signal) });
  }

  get busy(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /** The progress bar and Cancel, while a large export runs. */
  progress(lang: Lang) {
    return this.task.render({ pending: () => (this.#large() ? this.#renderProgress(lang) : nothing) }) ?? nothing;
  }

  /** What the last export ended with, when there is something to say. */
  notice(lang: Lang): Notice | undefined {
    return this.task.render({
      complete: (capped): Notice | undefined =>
        capped ? { kind: 'capped', text: t(lang, 'export.capped', { n: EXPORT_CAP }) } : undefined,
      error: (error): Notice => {
        const code = error instanceof SourceError ? error.code : undefined;
        if (code === 'aborted') return { kind: 'cancelled', text: t(lang, 'export.cancelled') };
        const reason = code ? ` ${t(lang, `error.${code}` as MessageKey)}` : '';
        return { kind: 'error', text: `${t(lang, 'export.failed')}${reason}` };
      },
    });
  }

  hostUpdate(): void {
    this.#cancelFocused = this.host.shadowRoot?.activeElement?.classList.contains('cancel') ?? false;
  }

  /** Focus on a vanishing Cancel button goes back to the button that started the export. */
  hostUpdated(): void {
    if (!this.#cancelFocused || this.host.renderRoot.querySelector('.cancel')) return;
    this.#cancelFocused = false;
    this.host.renderRoot.querySelector<HTMLElement>(`.start[data-format="${this.#format}"]`)?.focus();
  }

  async #run(format: ExportFormat, signal: AbortSignal): Promise<boolean | typeof initialState> {
    const store = this.store();
    if (!store) return initialState;
    this.#format = format;
    this.#progress = undefined;
    try {
      const result = await store.exportAll({
        signal,
        onProgress: (p) => {
          if (signal.aborted) return;
          this.#progress = p;
          this.host.requestUpdate();
        },
      });
      signal.throwIfAborted();
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
      this.host.emit('wsis-export', {
        format,
        count: result.entries.length,
        total: result.total,
        capped: result.capped,
      });
      return result.capped;
    } catch (error) {
      if (!signal.aborted) throw error;
      // Taken off the page: nothing to say when it comes back.
      if (!this.host.isConnected) return initialState;
      throw abortedError();
    }
  }

  #renderProgress(lang: Lang) {
    const done = this.#progress?.done ?? 0;
    const total = Math.max(this.#progress?.total ?? this.#estimate(), done, 1);
    return html`<div class="running">
      <progress part="progress" max=${total} value=${done} aria-labelledby="progress-text"></progress>
      <span id="progress-text" class="progress-text">${t(lang, 'export.progress', { done, total })}</span>
      <button type="button" part="button cancel-button" class="cancel" @click=${() => this.task.abort()}>
        ${t(lang, 'export.cancel')}
      </button>
    </div>`;
  }

  #estimate(): number {
    return Math.min(this.store()?.state.total ?? 0, EXPORT_CAP);
  }

  #large(): boolean {
    return Math.max(this.#progress?.total ?? 0, this.#estimate()) > LARGE;
  }

  #download(text: string, format: ExportFormat): void {
    const url = URL.createObjectURL(new Blob([text], { type: TYPES[format] }));
    const link = document.createElement('a');
    link.href = url;
    link.download = exportFileName(format);
    link.hidden = true;
    // Firefox only follows a link that is in a document.
    this.host.renderRoot.appendChild(link);
    link.click();
    link.remove();
    // Revoked a moment later: some browsers read the URL after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
