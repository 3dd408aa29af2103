/**
 * The browser's side of the write API (docs/api.md, "Writing"): the session cookie travels by
 * itself (same origin); this adds the CSRF token to every write, `If-Match` where the contract
 * asks for it, and turns every error answer into a `WriteError` the editor can show.
 */
import type { Entry } from './entry.js';

export interface Account {
  name: string;
  role: 'editor' | 'admin';
  organizations: string[];
}

export interface Session {
  account: Account;
  csrfToken: string | null;
  expiresAt: string | null;
}

export interface ManagedEntry {
  entry: Entry;
  archived: boolean;
  revision: number;
  etag: string;
  updatedAt: string;
  updatedBy: string;
}

export type RevisionAction = 'create' | 'update' | 'archive' | 'restore' | 'import';

export interface Revision {
  revision: number;
  action: RevisionAction;
  account: string;
  at: string;
  archived: boolean;
  entry: Entry;
  previous: Entry | null;
}

export interface ManagedList {
  total: number;
  page: number;
  pageSize: number;
  items: ManagedEntry[];
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** An entry as the editor sends it: the server sets `updated` and derives `regions`. */
export type EntryDraft = Record<string, unknown>;

/**
 * A refused or failed call. `code` is the API's error code, or `network` (no answer) and
 * `bad_response` (an answer that is not what the contract says).
 */
export class WriteError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: FieldProblem[] = [],
    /** The entry's current ETag, sent with a 412. */
    readonly etag?: string,
    /** Seconds to wait, sent with a 429. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'WriteError';
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function toProblems(value: unknown): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(isObject)
    .filter((p) => typeof p.field === 'string' && typeof p.message === 'string')
    .map((p) => ({ field: p.field as string, message: p.message as string }));
}

function isManaged(value: unknown): value is ManagedEntry {
  return (
    isObject(value) &&
    isObject(value.entry) &&
    typeof value.entry.id === 'string' &&
    typeof value.archived === 'boolean' &&
    typeof value.etag === 'string' &&
    typeof value.revision === 'number'
  );
}

function isSession(value: unknown): value is Session {
  return isObject(value) && isObject(value.account) && typeof value.account.name === 'string';
}

export interface ListOptions {
  organization?: string[];
  archived?: boolean;
  page?: number;
  pageSize?: number;
}

type Check<T> = (value: unknown) => value is T;

export class WriteClient {
  readonly api: string;
  #csrf: string | null = null;
  readonly #fetch: typeof fetch;

  /** `api` is the API base, such as `/api/v1`, on the page's own origin. */
  constructor(api: string, fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args)) {
    this.api = api.replace(/\/+$/, '');
    this.#fetch = fetchImpl;
  }

  /** The signed-in account, or undefined when there is none (401). */
  async session(): Promise<Session | undefined> {
    try {
      return this.#remember(await this.#call('GET', '/session', isSession));
    } catch (error) {
      if (error instanceof WriteError && error.status === 401) {
        this.#csrf = null;
        return undefined;
      }
      throw error;
    }
  }

  async signIn(account: string, password: string): Promise<Session> {
    return this.#remember(
      await this.#call('POST', '/session', isSession, { body: { account, password }, csrf: false }),
    );
  }

  async signOut(): Promise<void> {
    await this.#call('DELETE', '/session', (_v): _v is unknown => true);
    this.#csrf = null;
  }

  list(options: ListOptions = {}): Promise<ManagedList> {
    const params = new URLSearchParams();
    for (const org of options.organization ?? []) params.append('organization', org);
    if (options.archived !== undefined) params.set('archived', String(options.archived));
    if (options.page) params.set('page', String(options.page));
    if (options.pageSize) params.set('pageSize', String(options.pageSize));
    const query = params.size ? `?${params}` : '';
    const isList: Check<ManagedList> = (v): v is ManagedList =>
      isObject(v) && typeof v.total === 'number' && Array.isArray(v.items) && v.items.every(isManaged);
    return this.#call('GET', `/manage/entries${query}`, isList);
  }

  get(id: string): Promise<ManagedEntry> {
    return this.#call('GET', `/manage/entries/${encodeURIComponent(id)}`, isManaged);
  }

  /** Replaces the entry; `etag` is the one it was loaded with (412 when someone saved since). */
  update(id: string, entry: EntryDraft, etag: string): Promise<ManagedEntry> {
    return this.#call('PUT', `/entries/${encodeURIComponent(id)}`, isManaged, { body: entry, etag });
  }

  archive(id: string, etag?: string): Promise<ManagedEntry> {
    return this.#call('POST', `/entries/${encodeURIComponent(id)}/archive`, isManaged, { body: {}, etag });
  }

  /** Shows an archived entry again or, with `revision`, brings back that revision's values. */
  restore(id: string, options: { revision?: number; etag?: string } = {}): Promise<ManagedEntry> {
    const body = options.revision === undefined ? {} : { revision: options.revision };
    return this.#call('POST', `/entries/${encodeURIComponent(id)}/restore`, isManaged, { body, etag: options.etag });
  }

  async revisions(id: string): Promise<Revision[]> {
    const isRevisions = (v: unknown): v is { revisions: Revision[] } =>
      isObject(v) &&
      Array.isArray(v.revisions) &&
      v.revisions.every((r) => isObject(r) && typeof r.revision === 'number' && isObject(r.entry));
    return (await this.#call('GET', `/entries/${encodeURIComponent(id)}/revisions`, isRevisions)).revisions;
  }

  #remember(session: Session): Session {
    this.#csrf = typeof session.csrfToken === 'string' ? session.csrfToken : null;
    return session;
  }

  async #call<T>(
    method: string,
    path: string,
    check: Check<T>,
    options: { body?: unknown; etag?: string; csrf?: boolean } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.etag) headers['if-match'] = options.etag;
    if (method !== 'GET' && options.csrf !== false) {
      // A page opened with a session cookie already set learns its token first.
      if (this.#csrf === null) await this.session();
      if (this.#csrf) headers['x-csrf-token'] = this.#csrf;
    }
    let response: Response;
    try {
      response = await this.#fetch(`${this.api}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        cache: 'no-store',
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
    } catch (error) {
      throw new WriteError(0, 'network', (error as Error)?.message ?? 'Network error');
    }
    if (response.status === 204) return undefined as T;
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      const error = isObject(body) && isObject(body.error) ? body.error : {};
      const retry = Number(response.headers.get('retry-after'));
      throw new WriteError(
        response.status,
        typeof error.code === 'string' ? error.code : 'http',
        typeof error.message === 'string' ? error.message : `HTTP ${response.status}`,
        toProblems(error.problems),
        response.headers.get('etag') ?? undefined,
        Number.isFinite(retry) && retry > 0 ? retry : undefined,
      );
    }
    if (!check(body)) throw new WriteError(response.status, 'bad_response', `Unexpected answer from ${path}`);
    return body;
  }
}
