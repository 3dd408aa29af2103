import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import { isHttpUrl, type Entry } from '../../data/entry.js';
import { SourceError } from '../../data/source.js';
import { type Lang, type MessageKey, registerMessages, t } from '../../i18n/index.js';
import { enDetail } from '../../i18n/en-detail.js';
import { WsisElement } from '../../internal/wsis-element.js';
import { baseStyles } from '../../themes/base.styles.js';
import {
  actionLineLabel,
  countriesText,
  dateText,
  listText,
  sdgName,
  statusText,
  yearsText,
} from '../shared/format.js';
import { styles } from './entry-detail.styles.js';

registerMessages('en', enDetail);

/** The focused element, looking inside shadow roots. */
function deepActiveElement(): HTMLElement | undefined {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement && el !== document.body ? el : undefined;
}

type ShareUrl = (id: string) => string;

/**
 * @summary Every field of the open entry, in a modal dialog. `<wsis-entry-list>` includes one.
 *
 * Opens when the search's open entry is set (by the list, or a restored link) and clears it on close;
 * focus returns to whatever had it before.
 *
 * @attr for - The id of a `<wsis-stocktaking>` elsewhere on the page, when not placed inside one.
 * @attr lang - Interface language (default: the nearest `lang`).
 *
 * @csspart dialog - The dialog box.
 * @csspart update-link - "Update this entry", shown when `<wsis-stocktaking editor-url>` is set.
 *
 * @cssproperty --wsis-dialog-width - Largest width of the dialog (default 44rem).
 */
export class WsisEntryDetail extends WsisElement {
  static override styles = [baseStyles, styles];

  @property({ reflect: true }) override lang!: string;

  @query('dialog') private dialog!: HTMLDialogElement;

  #opener?: HTMLElement;

  #entry = new Task(this, {
    task: ([store, id], { signal }) => (store && id ? store.getEntry(id, signal) : Promise.resolve(undefined)),
    args: () => [this.store, this.store?.state.openEntryId] as const,
  });

  protected override render() {
    const lang = this.localize.lang;
    const id = this.store?.state.openEntryId;
    return html`<dialog part="dialog" dir=${this.localize.dir} aria-labelledby="heading" @close=${this.#onClose}>
      ${
        id
          ? this.#entry.render({
              pending: () => this.#frame(lang, t(lang, 'entry.details'), html`<p>${t(lang, 'results.loading')}</p>`),
              complete: (entry) => (entry ? this.#frame(lang, entry.title, this.#fields(lang, entry)) : nothing),
              error: (error) =>
                this.#frame(lang, t(lang, 'entry.details'), html`<p role="alert">${this.#reason(lang, error)}</p>`),
            })
          : nothing
      }
    </dialog>`;
  }

  override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    const want = !!this.store?.state.openEntryId && this.isConnected;
    if (want && !this.dialog.open) {
      this.#opener = deepActiveElement();
      this.dialog.showModal();
    } else if (!want && this.dialog.open) {
      this.dialog.close();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.dialog?.open) this.dialog.close();
  }

  #frame(lang: Lang, heading: string, body: unknown) {
    return html`<div class="head">
        <h2 id="heading" dir="auto">${heading}</h2>
        <button type="button" class="close" @click=${() => this.dialog.close()}>${t(lang, 'entry.close')}</button>
      </div>
      ${body}`;
  }

  #fields(lang: Lang, entry: Entry) {
    const row = (key: MessageKey, value: unknown) =>
      html`<div class="row">
        <dt>${t(lang, key)}</dt>
        <dd>${value}</dd>
      </div>`;
    const share = this.#shareUrl(entry.id);
    return html`<dl>
        ${row('entry.organization', html`<span dir="auto">${entry.organization}</span>`)}
        ${row('entry.entityType', t(lang, `entityType.${entry.entityType}` as MessageKey))}
        ${row('entry.countries', countriesText(lang, entry))}
        ${
          entry.regions.length
            ? row(
                'entry.regions',
                listText(
                  lang,
                  entry.regions.map((r) => t(lang, `region.${r}` as MessageKey)),
                ),
              )
            : nothing
        }
        ${row(
          'entry.actionLines',
          html`<ul>
            ${entry.actionLines.map((id) => html`<li>${actionLineLabel(lang, id)}</li>`)}
          </ul>`,
        )}
        ${
          entry.sdgs.length
            ? row(
                'entry.sdgs',
                html`<ul>
                  ${entry.sdgs.map((n) => html`<li>${t(lang, 'sdg.short', { n })} · ${sdgName(lang, n)}</li>`)}
                </ul>`,
              )
            : nothing
        }
        ${row('entry.status', statusText(lang, entry.status))} ${row('entry.years', yearsText(lang, entry))}
        ${entry.website ? row('entry.website', this.#website(lang, entry)) : nothing}
        ${
          entry.prize
            ? row(
                'entry.prize',
                t(lang, 'entry.prizeValue', {
                  status: t(lang, `prize.${entry.prize.status}` as MessageKey),
                  year: String(entry.prize.year),
                }),
              )
            : nothing
        }
        ${row('entry.updated', dateText(lang, entry.updated))}
      </dl>
      ${entry.description ? html`<p class="description" dir="auto">${entry.description}</p>` : nothing}
      ${share ? html`<p class="share"><a href=${share}>${t(lang, 'entry.shareLink')}</a></p>` : nothing}
      ${this.#updateLink(lang, entry.id)}`;
  }

  /**
   * Only http(s) becomes a link; anything else (javascript:, data:) stays text. A website found broken stays
   * text with the date of that check; a permanently moved one links to where it is now.
   */
  #website(lang: Lang, { website, link }: Entry) {
    if (!website || !isHttpUrl(website)) return website;
    if (link?.status === 'broken') {
      const date = dateText(lang, String(link.checked).slice(0, 10));
      return html`<span class="website" dir="ltr">${website}</span>
        <span class="link-note">(${t(lang, 'entry.websiteUnreachable', { date })})</span>`;
    }
    const url = link?.status === 'redirected' && link.finalUrl && isHttpUrl(link.finalUrl) ? link.finalUrl : website;
    return html`<a href=${url} target="_blank" rel="noopener noreferrer nofollow">${url}</a>`;
  }

  /** A link to this entry, once the store can make one (URL sync). */
  #shareUrl(id: string): string | undefined {
    const store = this.store as unknown as { shareUrl?: ShareUrl } | undefined;
    if (typeof store?.shareUrl !== 'function') return undefined;
    const url = store.shareUrl(id);
    return typeof url === 'string' && isHttpUrl(url) ? url : undefined;
  }

  /** "Update this entry", only where the page set `editor-url` (already checked to be http(s)). */
  #updateLink(lang: Lang, id: string) {
    const base = this.store?.editorUrl;
    if (!base) return nothing;
    const url = new URL(base);
    url.searchParams.set('entry', id);
    return isHttpUrl(url.href)
      ? html`<p class="update"><a href=${url.href} part="update-link">${t(lang, 'entry.update')}</a></p>`
      : nothing;
  }

  #reason(lang: Lang, error: unknown): string {
    const code = error instanceof SourceError ? error.code : 'http';
    return t(lang, `error.${code}` as MessageKey);
  }

  #onClose = (): void => {
    if (this.store?.state.openEntryId !== undefined) this.store.openEntry(undefined);
    const opener = this.#opener;
    this.#opener = undefined;
    if (opener?.isConnected) opener.focus();
  };
}
