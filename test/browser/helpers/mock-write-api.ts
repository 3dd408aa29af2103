/**
 * The write API of docs/api.md ("Writing") in memory, for msw: sessions with a CSRF token,
 * `If-Match` on every write, the server's own entry checks (server/write/input.ts), revisions.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { Entry } from '../../../src/data/entry.js';
import { entryFromBody } from '../../../server/write/input.js';

export const WRITE_API = `${location.origin}/mock-write/v1`;
export const CSRF = 'csrf-token-1';

interface Stored {
  entry: Entry;
  archived: boolean;
  revision: number;
  updatedAt: string;
  updatedBy: string;
}
interface RevisionRow extends Stored {
  action: string;
  previous: Entry | null;
}

export interface WriteRequest {
  method: string;
  path: string;
  ifMatch: string | null;
  csrf: string | null;
  body: unknown;
}

export class MockWriteApi {
  signedIn = true;
  account = { name: 'demo-editor', role: 'editor', organizations: ['Org A'] };
  readonly writes: WriteRequest[] = [];
  #entries = new Map<string, Stored>();
  #revisions: RevisionRow[] = [];
  #next = 100;

  constructor(entries: Entry[]) {
    for (const entry of entries) this.#record(entry.id, 'import', entry, false, 'system');
  }

  get(id: string): Stored | undefined {
    return this.#entries.get(id);
  }

  /** Someone else saves the entry (another editor, another tab). */
  saveBehindTheBack(id: string, patch: Partial<Entry>, account = 'other-editor'): void {
    const stored = this.#entries.get(id)!;
    this.#record(id, 'update', { ...stored.entry, ...patch }, stored.archived, account);
  }

  #record(id: string, action: string, entry: Entry, archived: boolean, account: string): Stored {
    const previous = this.#entries.get(id)?.entry ?? null;
    const stored: Stored = {
      entry,
      archived,
      revision: ++this.#next,
      updatedAt: new Date(Date.UTC(2026, 11, 6, 10, this.#next % 60)).toISOString(),
      updatedBy: account,
    };
    this.#entries.set(id, stored);
    this.#revisions.push({ ...stored, action, previous });
    return stored;
  }

  #managed(stored: Stored) {
    return { ...stored, etag: `"${stored.revision}"` };
  }

  handlers(): HttpHandler[] {
    const base = '*/mock-write/v1';
    const error = (status: number, code: string, extra: Record<string, unknown> = {}, headers = {}) =>
      HttpResponse.json({ error: { code, message: `mock ${code}`, ...extra } }, { status, headers });
    /** The session and CSRF checks every authenticated call makes; undefined when they pass. */
    const guard = (request: Request) => {
      if (!this.signedIn) return error(401, 'unauthorized');
      if (request.method !== 'GET' && request.headers.get('x-csrf-token') !== CSRF) return error(403, 'csrf_failed');
      return undefined;
    };
    const log = async (request: Request, path: string) => {
      const text = request.method === 'GET' ? '' : await request.clone().text();
      this.writes.push({
        method: request.method,
        path,
        ifMatch: request.headers.get('if-match'),
        csrf: request.headers.get('x-csrf-token'),
        body: text ? JSON.parse(text) : undefined,
      });
    };
    const session = () => ({ account: this.account, csrfToken: CSRF, expiresAt: '2026-12-07T00:00:00.000Z' });
    /** The stored entry, or the answer that refuses the write (404, 412). */
    const writable = (request: Request, id: string, required: boolean) => {
      const stored = this.#entries.get(id);
      if (!stored) return { refusal: error(404, 'not_found') };
      const tag = request.headers.get('if-match');
      if (!tag && required) return { refusal: error(428, 'precondition_required') };
      if (tag && tag !== `"${stored.revision}"`)
        return { refusal: error(412, 'precondition_failed', {}, { etag: `"${stored.revision}"` }) };
      return { stored };
    };
    return [
      http.post(`${base}/session`, async ({ request }) => {
        const body = (await request.json()) as { account?: string; password?: string };
        if (body.password !== 'right') return error(401, 'unauthorized');
        this.signedIn = true;
        this.account = { ...this.account, name: body.account ?? '' };
        return HttpResponse.json(session());
      }),
      http.get(`${base}/session`, () => (this.signedIn ? HttpResponse.json(session()) : error(401, 'unauthorized'))),
      http.delete(`${base}/session`, ({ request }) => {
        const refused = guard(request);
        if (refused) return refused;
        this.signedIn = false;
        return new HttpResponse(null, { status: 204 });
      }),
      http.get(`${base}/manage/entries`, ({ request }) => {
        const refused = guard(request);
        if (refused) return refused;
        const url = new URL(request.url);
        const page = Number(url.searchParams.get('page') ?? 1);
        const size = Number(url.searchParams.get('pageSize') ?? 20);
        // As the server: broken websites first, then redirected ones, then by id.
        const rank = (s: Stored) => ({ broken: 0, redirected: 1 })[s.entry.link?.status as string] ?? 2;
        const all = [...this.#entries.values()].sort(
          (a, b) => rank(a) - rank(b) || a.entry.id.localeCompare(b.entry.id),
        );
        return HttpResponse.json({
          total: all.length,
          page,
          pageSize: size,
          items: all.slice((page - 1) * size, page * size).map((s) => this.#managed(s)),
        });
      }),
      http.get(`${base}/manage/entries/:id`, ({ request, params }) => {
        const refused = guard(request);
        if (refused) return refused;
        const stored = this.#entries.get(String(params.id));
        return stored ? HttpResponse.json(this.#managed(stored)) : error(404, 'not_found');
      }),
      http.put(`${base}/entries/:id`, async ({ request, params }) => {
        const id = String(params.id);
        await log(request, `/entries/${id}`);
        const refused = guard(request);
        if (refused) return refused;
        const { stored, refusal } = writable(request, id, true);
        if (refusal) return refusal;
        const input = entryFromBody(await request.json(), '2026-12-06', id);
        if (!input.ok) return error(400, 'invalid_entry', { problems: input.problems });
        return HttpResponse.json(
          this.#managed(this.#record(id, 'update', input.entry, stored!.archived, this.account.name)),
        );
      }),
      http.post(`${base}/entries/:id/:action`, async ({ request, params }) => {
        const id = String(params.id);
        const action = String(params.action);
        await log(request, `/entries/${id}/${action}`);
        const refused = guard(request);
        if (refused) return refused;
        const { stored, refusal } = writable(request, id, false);
        if (refusal) return refusal;
        const body = (await request.json()) as { revision?: number };
        if (action === 'archive')
          return HttpResponse.json(this.#managed(this.#record(id, 'archive', stored!.entry, true, this.account.name)));
        const old = body.revision === undefined ? undefined : this.#revisions.find((r) => r.revision === body.revision);
        return HttpResponse.json(
          this.#managed(this.#record(id, 'restore', old?.entry ?? stored!.entry, false, this.account.name)),
        );
      }),
      http.get(`${base}/entries/:id/revisions`, ({ request, params }) => {
        const refused = guard(request);
        if (refused) return refused;
        const id = String(params.id);
        const revisions = this.#revisions
          .filter((r) => r.entry.id === id)
          .reverse()
          .map((r) => ({
            revision: r.revision,
            action: r.action,
            account: r.updatedBy,
            at: r.updatedAt,
            archived: r.archived,
            entry: r.entry,
            previous: r.previous,
          }));
        return HttpResponse.json({ id, revisions });
      }),
    ];
  }
}
