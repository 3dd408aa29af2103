import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { WriteClient, WriteError, type ManagedEntry, type ManagedList, type Session } from '../../data/write-client.js';
import { LANGS, matchLang, t, type Lang, type MessageKey } from '../../i18n/index.js';
import '../../i18n/editor.js';
import { WsisBase } from '../../internal/wsis-element.js';
import { baseStyles } from '../../themes/base.styles.js';
import { ThemeController } from '../../themes/theme-controller.js';
import { formStyles } from '../../themes/form.styles.js';
import './events.js';
import { styles } from './manage.styles.js';

const PAGE_SIZE = 20;

/** A language's name in itself, for the language switch. */
function nativeName(lang: Lang): string {
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
    return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
  } catch {
    return lang;
  }
}

/** `role:name:password` items separated by spaces, as the demo page lists them. */
function parseDemoAccounts(value: string | undefined): { role: string; name: string; password: string }[] {
  return (value ?? '')
    .split(/\s+/)
    .map((item) => item.split(':'))
    .filter((parts) => parts.length === 3 && (parts[0] === 'editor' || parts[0] === 'admin'))
    .map(([role, name, password]) => ({ role, name, password }));
}

/**
 * @summary The manage page: sign in, the entries the account may edit, and `<wsis-entry-editor>`
 * for one of them; sign out. Served by the reference server at `/manage`.
 *
 * @attr api - Base URL of the API on the page's own origin (default `/api/v1`).
 * @attr entry - Id of an entry to open once signed in (the search widget's "Update this entry" link).
 * @attr lang - Interface language: ar, zh, en, fr, ru or es (default: the nearest `lang`).
 * @attr theme - Theme preset, as on `<wsis-stocktaking>`.
 * @attr tokens - Theme token values as JSON, as on `<wsis-stocktaking>`.
 * @attr demo-accounts - Demo sign-ins to show, `role:name:password` separated by spaces (sample database only).
 *
 * @fires wsis-lang-change - When the visitor picks another language: `{ lang }`.
 * @fires wsis-session - After signing in or out: `{ account }`.
 * @fires wsis-entry-saved - From the editor inside.
 */
export class WsisManage extends WsisBase {
  static override styles = [baseStyles, formStyles, styles];

  @property() api = '/api/v1';
  @property() entry?: string;
  @property({ reflect: true }) override lang!: string;
  @property({ reflect: true }) theme?: string;
  @property() tokens?: string;
  @property({ attribute: 'demo-accounts' }) demoAccounts?: string;

  @state() private session?: Session;
  @state() private checking = true;
  @state() private signInError?: string;
  @state() private busy = false;
  @state() private signedOut = false;
  @state() private list?: ManagedList;
  @state() private listError = false;
  @state() private page = 1;
  @state() private openId?: string;
  @state() private linkNotice?: string;

  #client?: WriteClient;
  #lastOpened?: string;

  get client(): WriteClient {
    if (this.#client?.api !== this.api.replace(/\/+$/, '')) this.#client = new WriteClient(this.api);
    return this.#client;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#checkSession();
  }

  constructor() {
    super();
    // Warns about an unknown preset and applies `tokens` (its checking code loads only when set).
    new ThemeController(this);
  }

  async #checkSession(): Promise<void> {
    this.checking = true;
    try {
      this.session = await this.client.session();
    } catch {
      this.session = undefined;
    }
    this.checking = false;
    if (this.session) this.#afterSignIn(false);
  }

  #afterSignIn(moveFocus: boolean): void {
    if (this.entry) this.openId = this.entry;
    void this.#loadList(1);
    if (moveFocus) void this.updateComplete.then(() => this.#focus(this.openId ? '.back' : '#list-heading'));
  }

  async #loadList(page: number): Promise<void> {
    this.page = page;
    this.listError = false;
    try {
      this.list = await this.client.list({ page, pageSize: PAGE_SIZE });
    } catch (error) {
      if (error instanceof WriteError && error.status === 401) return this.#signedOut();
      this.listError = true;
    }
  }

  #signedOut(): void {
    this.session = undefined;
    this.list = undefined;
    this.openId = undefined;
    this.signedOut = true;
    this.emit('wsis-session', { account: undefined });
  }

  protected override render() {
    const lang = this.localize.lang;
    return html`<div class="page" dir=${this.localize.dir} lang=${lang}>
      <header>
        <h1>${t(lang, 'manage.title')}</h1>
        <div class="language">
          <label for="lang">${t(lang, 'manage.language')}</label>
          <select id="lang" @change=${this.#onLang}>
            ${LANGS.map((l) => html`<option value=${l} lang=${l} ?selected=${l === lang}>${nativeName(l)}</option>`)}
          </select>
        </div>
        ${this.session ? this.#account(lang, this.session) : nothing}
      </header>
      ${
        this.checking
          ? html`<p role="status">${t(lang, 'manage.loading')}</p>`
          : this.session
            ? this.openId
              ? this.#editor(lang, this.openId)
              : this.#entries(lang)
            : this.#signIn(lang)
      }
    </div>`;
  }

  #account(lang: Lang, session: Session) {
    const { account } = session;
    return html`<div class="account">
      <div>
        <p>
          ${t(lang, 'manage.signedInAs', { name: account.name, role: t(lang, `manage.role.${account.role}` as MessageKey) })}
        </p>
        ${
          account.organizations.length
            ? html`<p dir="auto">${t(lang, 'manage.organizations', { list: account.organizations.join('; ') })}</p>`
            : nothing
        }
      </div>
      <button type="button" class="sign-out" @click=${this.#onSignOut}>${t(lang, 'manage.signOut')}</button>
    </div>`;
  }

  #signIn(lang: Lang) {
    const demo = parseDemoAccounts(this.demoAccounts);
    return html`<section aria-labelledby="sign-in-heading">
      <form class="sign-in" @submit=${this.#onSignIn}>
        <h2 id="sign-in-heading">${t(lang, 'manage.signIn')}</h2>
        ${this.signedOut ? html`<p role="status">${t(lang, 'manage.signedOut')}</p>` : nothing}
        <label for="account">${t(lang, 'manage.account')}</label>
        <input id="account" name="account" type="text" autocomplete="username" dir="ltr" required />
        <label for="password">${t(lang, 'manage.password')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" dir="ltr" required />
        ${this.signInError ? html`<p class="alert" role="alert" id="sign-in-error">${this.signInError}</p>` : nothing}
        <button type="submit" class="primary" ?disabled=${this.busy}>
          ${t(lang, this.busy ? 'manage.signingIn' : 'manage.signIn')}
        </button>
      </form>
      ${
        demo.length
          ? html`<div class="demo">
              <p>${t(lang, 'manage.demoAccounts')}</p>
              <ul>
                ${demo.map(
                  (a) =>
                    html`<li>
                      ${t(lang, `manage.role.${a.role}` as MessageKey)}:
                      <code dir="ltr">${a.name}</code> / <code dir="ltr">${a.password}</code>
                    </li>`,
                )}
              </ul>
            </div>`
          : nothing
      }
    </section>`;
  }

  #entries(lang: Lang) {
    const list = this.list;
    const pages = list ? Math.max(1, Math.ceil(list.total / PAGE_SIZE)) : 1;
    return html`<section aria-labelledby="list-heading">
      <h2 id="list-heading" tabindex="-1">${t(lang, 'manage.entries')}</h2>
      ${this.listError ? html`<p class="alert" role="alert">${t(lang, 'manage.failed')}</p>` : nothing}
      ${
        !list
          ? this.listError
            ? nothing
            : html`<p role="status">${t(lang, 'manage.loading')}</p>`
          : list.total === 0
            ? html`<p>${t(lang, 'manage.empty')}</p>`
            : html`<p class="count">${t(lang, 'manage.count', { n: list.total })}</p>
                ${this.#links(lang, list)}
                <div class="table-wrap">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">${t(lang, 'manage.col.title')}</th>
                        <th scope="col">${t(lang, 'manage.col.organization')}</th>
                        <th scope="col">${t(lang, 'manage.col.state')}</th>
                        <th scope="col">${t(lang, 'manage.col.updated')}</th>
                        <td></td>
                      </tr>
                    </thead>
                    <tbody>
                      ${list.items.map(
                        (item) =>
                          html`<tr>
                            <td class="title" dir="auto">${item.entry.title}</td>
                            <td dir="auto">${item.entry.organization}</td>
                            <td>${t(lang, item.archived ? 'manage.archived' : 'manage.visible')}</td>
                            <td>${item.updatedAt.slice(0, 10)} · ${item.updatedBy}</td>
                            <td>
                              <button
                                type="button"
                                class="edit"
                                data-id=${item.entry.id}
                                aria-label=${t(lang, 'manage.editLabel', { title: item.entry.title })}
                                @click=${() => this.#open(item.entry.id)}
                              >
                                ${t(lang, 'manage.edit')}
                              </button>
                            </td>
                          </tr>`,
                      )}
                    </tbody>
                  </table>
                </div>
                ${
                  pages > 1
                    ? html`<nav
                        class="pager"
                        aria-label=${t(lang, 'manage.page', { page: String(this.page), pages: String(pages) })}
                      >
                        <button
                          type="button"
                          class="previous"
                          ?disabled=${this.page <= 1}
                          @click=${() => this.#turn(-1)}
                        >
                          ${t(lang, 'manage.previous')}
                        </button>
                        <p>${t(lang, 'manage.page', { page: String(this.page), pages: String(pages) })}</p>
                        <button
                          type="button"
                          class="next"
                          ?disabled=${this.page >= pages}
                          @click=${() => this.#turn(1)}
                        >
                          ${t(lang, 'manage.next')}
                        </button>
                      </nav>`
                    : nothing
                }`
      }
    </section>`;
  }

  /** Entries of this page whose website is broken or moved (the server lists them first), with what to do. */
  #links(lang: Lang, list: ManagedList) {
    const items = list.items.filter((i) => i.entry.link?.status === 'broken' || i.entry.link?.status === 'redirected');
    if (!items.length && !this.linkNotice) return nothing;
    return html`<section class="links" aria-labelledby="links-heading">
      <h3 id="links-heading">${t(lang, 'manage.links.heading')}</h3>
      ${this.linkNotice ? html`<p role="status" class="link-notice" dir="auto">${this.linkNotice}</p>` : nothing}
      <ul>
        ${items.map((item) => {
          const link = item.entry.link!;
          return html`<li data-id=${item.entry.id}>
            <span class="title" dir="auto">${item.entry.title}</span>
            <span class="note" dir="auto">
              ${
                link.status === 'broken'
                  ? t(lang, 'entry.websiteUnreachable', { date: link.checked.slice(0, 10) })
                  : t(lang, 'manage.links.moved', { url: link.finalUrl ?? '' })
              }
            </span>
            ${
              link.status === 'redirected' && link.finalUrl
                ? html`<button
                    type="button"
                    class="accept"
                    aria-label=${t(lang, 'manage.links.acceptLabel', { title: item.entry.title })}
                    @click=${() => void this.#accept(lang, item, link.finalUrl!)}
                  >
                    ${t(lang, 'manage.links.accept')}
                  </button>`
                : nothing
            }
            <button
              type="button"
              class="edit-link"
              aria-label=${t(lang, 'manage.editLabel', { title: item.entry.title })}
              @click=${() => this.#open(item.entry.id)}
            >
              ${t(lang, 'manage.edit')}
            </button>
          </li>`;
        })}
      </ul>
    </section>`;
  }

  /** One click: the entry's website becomes the address it moved to, through the normal save with If-Match. */
  async #accept(lang: Lang, item: ManagedEntry, url: string): Promise<void> {
    const { updated: _updated, link: _link, ...values } = item.entry;
    try {
      await this.client.update(item.entry.id, { ...values, website: url }, item.etag);
      this.linkNotice = t(lang, 'manage.links.accepted', { url });
    } catch (error) {
      if (error instanceof WriteError && error.status === 401) return this.#signedOut();
      this.linkNotice = t(lang, 'manage.failed');
    }
    await this.#loadList(this.page);
  }

  #editor(lang: Lang, id: string) {
    return html`<section>
      <p><button type="button" class="back" @click=${this.#onBack}>${t(lang, 'manage.back')}</button></p>
      <wsis-entry-editor
        .client=${this.client}
        entry-id=${id}
        lang=${lang}
        theme=${this.theme ?? 'default'}
        @wsis-entry-saved=${() => void this.#loadList(this.page)}
      ></wsis-entry-editor>
    </section>`;
  }

  #open(id: string): void {
    this.openId = id;
    this.#lastOpened = id;
    void this.updateComplete.then(() => this.#focus('.back'));
  }

  #turn(step: number): void {
    void this.#loadList(this.page + step).then(() => this.#focus('#list-heading'));
  }

  #onBack = async (): Promise<void> => {
    this.openId = undefined;
    this.entry = undefined;
    await this.updateComplete;
    const button = [...this.renderRoot.querySelectorAll<HTMLElement>('.edit')].find(
      (b) => b.dataset.id === this.#lastOpened,
    );
    if (button) button.focus();
    else this.#focus('#list-heading');
  };

  #onSignIn = async (event: Event): Promise<void> => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const lang = this.localize.lang;
    const account = (form.elements.namedItem('account') as HTMLInputElement).value.trim();
    const password = (form.elements.namedItem('password') as HTMLInputElement).value;
    this.busy = true;
    this.signInError = undefined;
    try {
      this.session = await this.client.signIn(account, password);
      this.signedOut = false;
      this.emit('wsis-session', { account: this.session.account.name });
      this.#afterSignIn(true);
    } catch (error) {
      this.signInError =
        error instanceof WriteError && error.status === 429
          ? t(lang, 'manage.wait', { n: error.retryAfter ?? 1 })
          : error instanceof WriteError && (error.status === 401 || error.status === 400)
            ? t(lang, 'manage.wrongPassword')
            : t(lang, 'editor.error.network');
      await this.updateComplete;
      this.#focus('#account');
    } finally {
      this.busy = false;
    }
  };

  #onSignOut = async (): Promise<void> => {
    try {
      await this.client.signOut();
    } catch {
      // Signed out either way: the page forgets the session.
    }
    this.entry = undefined;
    this.#signedOut();
    await this.updateComplete;
    this.#focus('#account');
  };

  #onLang = (event: Event): void => {
    const lang = matchLang((event.target as HTMLSelectElement).value) ?? 'en';
    this.lang = lang;
    this.emit('wsis-lang-change', { lang });
  };

  #focus(selector: string): void {
    (this.renderRoot.querySelector(selector) as HTMLElement | null)?.focus();
  }
}
