import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { ACTION_LINES, ENTITY_TYPES, PRIZE_STATUSES, SDGS, STATUSES } from '../../data/vocabulary.js';
import { WriteClient, type Revision } from '../../data/write-client.js';
import { formatNumber, t, type Lang, type MessageKey } from '../../i18n/index.js';
import '../../i18n/editor.js';
import type {} from '../../internal/events.js';
import {
  EDITOR_FIELDS,
  EditorStore,
  type Draft,
  type EditorField,
  type EditorState,
  type SavedAction,
} from '../../state/editor-store.js';
import { WsisBase } from '../../internal/wsis-element.js';
import { baseStyles } from '../../themes/base.styles.js';
import { ThemeController } from '../../themes/theme-controller.js';
import { actionLineName, sdgName } from '../shared/format.js';
import { styles } from './entry-editor.styles.js';
import './events.js';
import { formStyles } from '../../themes/form.styles.js';

const ENTRY_FIELDS = ['id', ...EDITOR_FIELDS, 'regions', 'updated'] as const;

/** Date and time of a revision, in the reader's language. */
function when(lang: Lang, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Names of the entry fields a revision changed. */
function changedFields(revision: Revision): string[] {
  if (!revision.previous) return [];
  const before = revision.previous as unknown as Record<string, unknown>;
  const after = revision.entry as unknown as Record<string, unknown>;
  return ENTRY_FIELDS.filter((f) => f !== 'updated' && JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

/**
 * @summary Edits one entry through the write API: every field, the server's message beside each
 * field it rejects, save with `If-Match`, a conflict message when someone else saved first, archive,
 * and the history with restore.
 *
 * Needs a signed-in session on the API's origin (see docs/api.md, "Writing"). Set `api`, or give
 * the `client` property a `WriteClient` shared with the page.
 *
 * @attr api - Base URL of the API on the page's own origin, such as `/api/v1`.
 * @attr entry-id - Id of the entry to edit.
 * @attr lang - Interface language: ar, zh, en, fr, ru or es (default: the nearest `lang`).
 * @attr theme - Theme preset: default, ungis, dark, high-contrast or auto.
 * @attr tokens - Theme token values as JSON, as on `<wsis-stocktaking>`.
 *
 * @fires wsis-entry-saved - After a save, archive, unarchive or restore: `{ id, revision, action, archived }`.
 * @fires wsis-entry-conflict - When someone else saved first (412): `{ id }`.
 * @fires wsis-error - When the entry cannot be loaded or a write fails otherwise: `{ code, message }`.
 *
 * @csspart form - The form.
 * @csspart conflict - The conflict message.
 * @csspart history - The history section.
 *
 * @cssproperty --wsis-color-primary - Accent colour; see the theme tokens for the rest.
 */
export class WsisEntryEditor extends WsisBase {
  static override styles = [baseStyles, formStyles, styles];

  @property() api?: string;
  @property({ attribute: 'entry-id' }) entryId?: string;
  @property({ reflect: true }) override lang!: string;
  @property({ reflect: true }) theme?: string;
  @property() tokens?: string;
  /** A client shared with the page (it holds the CSRF token); made from `api` when not set. */
  @property({ attribute: false }) client?: WriteClient;

  #store?: EditorStore;
  #unsubscribe?: () => void;

  /** The editor's state, for the page and tests. */
  get state(): EditorState | undefined {
    return this.#store?.state;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#store = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const client = this.client ?? (this.api ? this.#ownClient(this.api) : undefined);
    if (!this.isConnected || !client) return;
    if (this.#store?.client !== client) {
      this.#unsubscribe?.();
      this.#store = new EditorStore(client);
      let phase = this.#store.state.phase;
      this.#unsubscribe = this.#store.subscribe((state) => {
        this.requestUpdate();
        if (state.phase === 'failed' && phase !== 'failed')
          this.emit('wsis-error', { code: state.error ?? 'unknown', message: `The entry could not be loaded.` });
        phase = state.phase;
      });
      void this.#store.load(this.entryId);
    } else if (changed.has('entryId')) {
      void this.#store.load(this.entryId);
    }
  }

  #own?: WriteClient;
  #ownClient(api: string): WriteClient {
    if (this.#own?.api !== api.replace(/\/+$/, '')) this.#own = new WriteClient(api);
    return this.#own;
  }

  constructor() {
    super();
    // Warns about an unknown preset and applies `tokens` (its checking code loads only when set).
    new ThemeController(this);
  }

  protected override render() {
    const lang = this.localize.lang;
    const state = this.#store?.state;
    const body = () => {
      if (!state || state.phase === 'empty') return html`<p>${t(lang, 'editor.none')}</p>`;
      if (state.phase === 'loading') return html`<p role="status">${t(lang, 'editor.loading')}</p>`;
      if (state.phase === 'failed' || !state.managed || !state.draft)
        return html`<p class="alert" role="alert">
          ${t(lang, `editor.error.${state.error ?? 'unknown'}` as MessageKey)}
        </p>`;
      return this.#form(lang, state);
    };
    return html`<div dir=${this.localize.dir} lang=${lang}>${body()}</div>`;
  }

  #form(lang: Lang, state: EditorState) {
    const managed = state.managed!;
    const draft = state.draft!;
    const saving = state.phase === 'saving';
    const invalid = EDITOR_FIELDS.filter((f) => state.problems[f]?.length).length + state.otherProblems.length;
    return html`<form part="form" novalidate aria-labelledby="heading" @submit=${this.#onSubmit}>
      <div>
        <h2 id="heading" tabindex="-1" dir="auto">${managed.entry.title}</h2>
        <p class="meta">
          ${t(lang, 'editor.id')}: <span dir="ltr">${managed.entry.id}</span> ·
          ${t(lang, 'editor.revisionInfo', {
            revision: String(managed.revision),
            account: managed.updatedBy,
            date: when(lang, managed.updatedAt),
          })}
        </p>
      </div>
      ${managed.archived ? html`<p class="archived">${t(lang, 'editor.archivedState')}</p>` : nothing}
      <p class="ok" role="status">${state.notice ? t(lang, this.#noticeKey(state.notice)) : ''}</p>
      ${
        state.conflict
          ? html`<div class="alert conflict" part="conflict" role="alert">
              <p>${t(lang, 'editor.conflict')}</p>
              <p>${t(lang, 'editor.conflictHelp')}</p>
              <button type="button" class="reload" @click=${this.#onReload}>${t(lang, 'editor.reload')}</button>
            </div>`
          : nothing
      }
      ${
        invalid
          ? html`<div class="alert summary" role="alert">
              <p>${t(lang, 'editor.problems', { n: invalid })}</p>
              ${
                state.otherProblems.length
                  ? html`<ul>
                      ${state.otherProblems.map(
                        (p) =>
                          html`<li dir="ltr">
                            ${t(lang, 'editor.otherProblem', { field: p.field, message: p.message })}
                          </li>`,
                      )}
                    </ul>`
                  : nothing
              }
            </div>`
          : nothing
      }
      ${state.error ? html`<p class="alert" role="alert">${t(lang, `editor.error.${state.error}` as MessageKey)}</p>` : nothing}
      ${this.#text(lang, state, 'title', draft.title)} ${this.#text(lang, state, 'organization', draft.organization)}
      ${this.#text(lang, state, 'description', draft.description, { multiline: true })}
      <div class="pair">
        ${this.#select(lang, state, 'entityType', draft.entityType, ENTITY_TYPES, (v) => t(lang, `entityType.${v}` as MessageKey))}
        ${this.#select(lang, state, 'status', draft.status, STATUSES, (v) => t(lang, `status.${v}` as MessageKey))}
      </div>
      ${this.#text(lang, state, 'countries', draft.countries, { hint: 'editor.hint.countries', ltr: true })}
      ${this.#choices(
        lang,
        state,
        'actionLines',
        ACTION_LINES.map((id) => ({ value: id, label: `${id} · ${actionLineName(lang, id)}` })),
        draft.actionLines,
        (values) => ({ actionLines: values }),
      )}
      ${this.#choices(
        lang,
        state,
        'sdgs',
        SDGS.map((n) => ({ value: String(n), label: `${formatNumber(lang, n)} · ${sdgName(lang, n)}` })),
        draft.sdgs.map(String),
        (values) => ({ sdgs: values.map(Number) }),
      )}
      <div class="pair">
        ${this.#text(lang, state, 'startYear', draft.startYear, { numeric: true })}
        ${this.#text(lang, state, 'endYear', draft.endYear, { numeric: true, hint: 'editor.hint.endYear' })}
      </div>
      ${this.#text(lang, state, 'website', draft.website, { ltr: true, url: true })} ${this.#prize(lang, state, draft)}
      <div class="actions">
        <button type="submit" class="primary save" ?disabled=${saving} aria-disabled=${saving ? 'true' : 'false'}>
          ${t(lang, saving ? 'editor.saving' : 'editor.save')}
        </button>
        <button type="button" class="archive" ?disabled=${saving} @click=${this.#onArchive}>
          ${t(lang, managed.archived ? 'editor.unarchive' : 'editor.archive')}
        </button>
        <button
          type="button"
          class="history-toggle"
          aria-expanded=${state.history ? 'true' : 'false'}
          aria-controls="history"
          @click=${this.#onHistory}
        >
          ${t(lang, state.history ? 'editor.hideHistory' : 'editor.history')}
        </button>
      </div>
      <section id="history" class="history" part="history" aria-labelledby="history-heading" ?hidden=${!state.history}>
        ${state.history ? this.#history(lang, state) : nothing}
      </section>
    </form>`;
  }

  #noticeKey(notice: NonNullable<EditorState['notice']>): MessageKey {
    const keys = {
      saved: 'editor.saved',
      archived: 'editor.archivedNow',
      unarchived: 'editor.unarchivedNow',
      restored: 'editor.restoredNow',
      reloaded: 'editor.reloaded',
    } as const;
    return keys[notice];
  }

  /** The ids that describe a field: its hint, and its message when the server rejected it. */
  #describedBy(field: EditorField, state: EditorState, hint?: MessageKey): string | undefined {
    const ids = [hint ? `hint-${field}` : '', state.problems[field]?.length ? `problem-${field}` : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : undefined;
  }

  #message(lang: Lang, field: EditorField, state: EditorState) {
    return state.problems[field]?.length
      ? html`<p class="message" id="problem-${field}">${t(lang, `editor.rule.${field}` as MessageKey)}</p>`
      : nothing;
  }

  #text(
    lang: Lang,
    state: EditorState,
    field: EditorField,
    value: string,
    options: { multiline?: boolean; hint?: MessageKey; numeric?: boolean; ltr?: boolean; url?: boolean } = {},
  ) {
    const invalid = !!state.problems[field]?.length;
    const describedBy = this.#describedBy(field, state, options.hint);
    const onInput = (event: Event) =>
      this.#store?.edit({ [field]: (event.target as HTMLInputElement).value } as Partial<Draft>);
    const control = options.multiline
      ? html`<textarea
          id="field-${field}"
          name=${field}
          dir="auto"
          .value=${live(value)}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy)}
          @input=${onInput}
        ></textarea>`
      : html`<input
          id="field-${field}"
          name=${field}
          type="text"
          dir=${options.ltr ? 'ltr' : 'auto'}
          inputmode=${ifDefined(options.numeric ? 'numeric' : options.url ? 'url' : undefined)}
          autocomplete="off"
          .value=${live(value)}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy)}
          @input=${onInput}
        />`;
    return html`<div class="field">
      <label for="field-${field}">${t(lang, `editor.field.${field}` as MessageKey)}</label>
      ${control} ${options.hint ? html`<p class="hint" id="hint-${field}">${t(lang, options.hint)}</p>` : nothing}
      ${this.#message(lang, field, state)}
    </div>`;
  }

  #select(
    lang: Lang,
    state: EditorState,
    field: 'entityType' | 'status',
    value: string,
    values: readonly string[],
    label: (value: string) => string,
  ) {
    const invalid = !!state.problems[field]?.length;
    return html`<div class="field">
      <label for="field-${field}">${t(lang, `editor.field.${field}` as MessageKey)}</label>
      <select
        id="field-${field}"
        name=${field}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${ifDefined(this.#describedBy(field, state))}
        @change=${(event: Event) => this.#store?.edit({ [field]: (event.target as HTMLSelectElement).value })}
      >
        ${values.map((v) => html`<option value=${v} ?selected=${v === value}>${label(v)}</option>`)}
      </select>
      ${this.#message(lang, field, state)}
    </div>`;
  }

  #choices(
    lang: Lang,
    state: EditorState,
    field: 'actionLines' | 'sdgs',
    options: { value: string; label: string }[],
    checked: string[],
    patch: (values: string[]) => Partial<Draft>,
  ) {
    const invalid = !!state.problems[field]?.length;
    const onChange = (event: Event) => {
      const box = event.target as HTMLInputElement;
      const values = box.checked ? [...checked, box.value] : checked.filter((v) => v !== box.value);
      // Kept in vocabulary order, as the entry lists them.
      this.#store?.edit(patch(options.map((o) => o.value).filter((v) => values.includes(v))));
    };
    return html`<fieldset
      class=${invalid ? 'invalid' : ''}
      aria-describedby=${ifDefined(this.#describedBy(field, state))}
    >
      <legend>${t(lang, `editor.field.${field}` as MessageKey)}</legend>
      <ul class="choices">
        ${options.map(
          (o, i) =>
            html`<li>
              <label>
                <input
                  type="checkbox"
                  id=${i === 0 ? `field-${field}` : `field-${field}-${i}`}
                  name=${field}
                  value=${o.value}
                  .checked=${live(checked.includes(o.value))}
                  aria-invalid=${invalid ? 'true' : 'false'}
                  @change=${onChange}
                />
                <span>${o.label}</span>
              </label>
            </li>`,
        )}
      </ul>
      ${this.#message(lang, field, state)}
    </fieldset>`;
  }

  #prize(lang: Lang, state: EditorState, draft: Draft) {
    const invalid = !!state.problems.prize?.length;
    const common = {
      invalid: invalid ? 'true' : 'false',
      describedBy: this.#describedBy('prize', state),
    };
    return html`<fieldset class=${invalid ? 'invalid' : ''}>
      <legend>${t(lang, 'editor.field.prize')}</legend>
      <div class="pair">
        <div class="field">
          <label for="field-prize">${t(lang, 'editor.prizeStatus')}</label>
          <select
            id="field-prize"
            name="prizeStatus"
            aria-invalid=${common.invalid}
            aria-describedby=${ifDefined(common.describedBy)}
            @change=${(event: Event) => this.#store?.edit({ prizeStatus: (event.target as HTMLSelectElement).value })}
          >
            <option value="" ?selected=${draft.prizeStatus === ''}>${t(lang, 'editor.prizeNone')}</option>
            ${PRIZE_STATUSES.map(
              (s) =>
                html`<option value=${s} ?selected=${s === draft.prizeStatus}>
                  ${t(lang, `prize.${s}` as MessageKey)}
                </option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="field-prizeYear">${t(lang, 'editor.prizeYear')}</label>
          <input
            id="field-prizeYear"
            name="prizeYear"
            type="text"
            inputmode="numeric"
            dir="ltr"
            autocomplete="off"
            .value=${live(draft.prizeYear)}
            aria-invalid=${common.invalid}
            aria-describedby=${ifDefined(common.describedBy)}
            @input=${(event: Event) => this.#store?.edit({ prizeYear: (event.target as HTMLInputElement).value })}
          />
        </div>
      </div>
      ${this.#message(lang, 'prize', state)}
    </fieldset>`;
  }

  #history(lang: Lang, state: EditorState) {
    const history = state.history!;
    const current = state.managed!.revision;
    const fieldName = (f: string) => (f === 'id' || f === 'regions' ? f : t(lang, `editor.field.${f}` as MessageKey));
    return html`<h3 id="history-heading" tabindex="-1">${t(lang, 'editor.historyHeading')}</h3>
      ${history.phase === 'loading' && !history.revisions.length ? html`<p role="status">${t(lang, 'editor.historyLoading')}</p>` : nothing}
      ${history.phase === 'failed' ? html`<p class="alert" role="alert">${t(lang, 'editor.historyFailed')}</p>` : nothing}
      <ol>
        ${history.revisions.map((r) => {
          const changed = changedFields(r);
          return html`<li>
            <p>
              <strong>${t(lang, `editor.action.${r.action}` as MessageKey)}</strong> ·
              ${t(lang, 'editor.historyItem', {
                action: `#${r.revision}`,
                account: r.account,
                date: when(lang, r.at),
              })}
            </p>
            ${changed.length ? html`<p>${t(lang, 'editor.changed', { fields: changed.map(fieldName).join(', ') })}</p>` : nothing}
            ${
              r.revision === current
                ? html`<p><em>${t(lang, 'editor.current')}</em></p>`
                : html`<button
                    type="button"
                    class="restore"
                    data-revision=${r.revision}
                    ?disabled=${state.phase === 'saving'}
                    @click=${() => this.#run(() => this.#store!.restoreRevision(r.revision), 'restore')}
                  >
                    ${t(lang, 'editor.restoreRevision')}<span class="visually-hidden"> (#${r.revision})</span>
                  </button>`
            }
          </li>`;
        })}
      </ol>`;
  }

  #onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    await this.#run(() => this.#store!.save(), 'update');
  };

  #onReload = async (): Promise<void> => {
    await this.#store?.reload();
    await this.updateComplete;
    this.#focus('#heading');
  };

  #onArchive = (): Promise<void> => {
    const archived = this.#store?.state.managed?.archived;
    return this.#run(
      () => (archived ? this.#store!.unarchive() : this.#store!.archive()),
      archived ? 'unarchive' : 'archive',
    );
  };

  #onHistory = async (): Promise<void> => {
    if (this.#store?.state.history) return this.#store.hideHistory();
    await this.#store?.showHistory();
    await this.updateComplete;
    this.#focus('#history-heading');
  };

  /** Runs a write, then tells the page and moves focus to what needs attention. */
  async #run(write: () => Promise<boolean>, action: SavedAction): Promise<void> {
    if (!this.#store) return;
    const ok = await write();
    await this.updateComplete;
    const state = this.#store.state;
    const id = state.managed?.entry.id ?? '';
    if (ok) {
      this.emit('wsis-entry-saved', {
        id,
        revision: state.managed!.revision,
        action,
        archived: state.managed!.archived,
      });
      return;
    }
    if (state.conflict) {
      this.emit('wsis-entry-conflict', { id });
      this.#focus('.reload');
      return;
    }
    const first = EDITOR_FIELDS.find((f) => state.problems[f]?.length);
    if (first) this.#focus(`#field-${first}`);
    else if (state.error)
      this.emit('wsis-error', { code: state.error, message: `The entry ${id} could not be saved.` });
  }

  #focus(selector: string): void {
    (this.renderRoot.querySelector(selector) as HTMLElement | null)?.focus();
  }
}
