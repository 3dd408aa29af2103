/**
 * State of one entry being edited: the stored version and its ETag, the form's draft, the
 * problems the server found per field, a conflict with someone else's save, and the history.
 * Plain TypeScript, so it is tested and reused without a component.
 */
import type { Entry } from '../data/entry.js';
import {
  WriteError,
  type EntryDraft,
  type FieldProblem,
  type ManagedEntry,
  type Revision,
  type WriteClient,
} from '../data/write-client.js';

/** The form's fields, in the order they are shown; each takes the problems of its entry fields. */
export const EDITOR_FIELDS = [
  'title',
  'organization',
  'description',
  'entityType',
  'status',
  'countries',
  'actionLines',
  'sdgs',
  'startYear',
  'endYear',
  'website',
  'prize',
] as const;
export type EditorField = (typeof EDITOR_FIELDS)[number];

/** What the form holds: text as typed, so whatever was typed reaches the server's checks. */
export interface Draft {
  title: string;
  organization: string;
  description: string;
  entityType: string;
  status: string;
  countries: string;
  actionLines: string[];
  sdgs: number[];
  startYear: string;
  endYear: string;
  website: string;
  prizeYear: string;
  prizeStatus: string;
}

export type Notice = 'saved' | 'archived' | 'unarchived' | 'restored' | 'reloaded';
export type SavedAction = 'update' | 'archive' | 'unarchive' | 'restore';

export interface EditorState {
  phase: 'empty' | 'loading' | 'ready' | 'saving' | 'failed';
  managed?: ManagedEntry;
  draft?: Draft;
  /** Server messages per form field, from a 400. */
  problems: Partial<Record<EditorField, string[]>>;
  /** Problems that belong to no field of the form. */
  otherProblems: FieldProblem[];
  /** Someone saved after this version was loaded (412); their ETag when known. */
  conflict: boolean;
  /** The code of the last failure (load or write), other than field problems and conflicts. */
  error?: string;
  notice?: Notice;
  history?: { phase: 'loading' | 'ready' | 'failed'; revisions: Revision[] };
}

export function toDraft(entry: Entry): Draft {
  return {
    title: entry.title,
    organization: entry.organization,
    description: entry.description,
    entityType: entry.entityType,
    status: entry.status,
    countries: entry.countries.join(', '),
    actionLines: [...entry.actionLines],
    sdgs: [...entry.sdgs],
    startYear: String(entry.startYear),
    endYear: entry.endYear === null ? '' : String(entry.endYear),
    website: entry.website ?? '',
    prizeYear: entry.prize ? String(entry.prize.year) : '',
    prizeStatus: entry.prize?.status ?? '',
  };
}

/** A whole number stays a number; anything else is sent as typed, for the server to name. */
const year = (text: string): unknown => (/^\s*-?\d+\s*$/.test(text) ? Number(text) : text.trim());

/** The entry to send. `regions` and `updated` are left to the server. */
export function fromDraft(id: string, draft: Draft): EntryDraft {
  const body: EntryDraft = {
    id,
    title: draft.title.trim(),
    description: draft.description,
    organization: draft.organization.trim(),
    entityType: draft.entityType,
    countries: draft.countries
      .split(/[\s,;]+/)
      .map((c) => c.trim().toUpperCase())
      .filter(Boolean),
    actionLines: draft.actionLines,
    sdgs: draft.sdgs,
    status: draft.status,
    startYear: year(draft.startYear),
    endYear: draft.endYear.trim() === '' ? null : year(draft.endYear),
  };
  if (draft.website.trim()) body.website = draft.website.trim();
  if (draft.prizeStatus || draft.prizeYear.trim())
    body.prize = { year: year(draft.prizeYear), status: draft.prizeStatus };
  return body;
}

/** The form field that shows a problem of `path` (`countries.1`, `prize.year`, `regions`…). */
export function fieldOf(path: string): EditorField | undefined {
  const head = path.split('.')[0];
  if (head === 'regions') return 'countries';
  return (EDITOR_FIELDS as readonly string[]).includes(head) ? (head as EditorField) : undefined;
}

type Listener = (state: EditorState) => void;

const initial = (): EditorState => ({ phase: 'empty', problems: {}, otherProblems: [], conflict: false });

export class EditorStore {
  #state: EditorState = initial();
  readonly #listeners = new Set<Listener>();
  #loadId = 0;

  constructor(readonly client: WriteClient) {}

  get state(): EditorState {
    return this.#state;
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #set(patch: Partial<EditorState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of this.#listeners) listener(this.#state);
  }

  /** Loads the entry; a later call wins over an earlier one still under way. */
  async load(id: string | undefined): Promise<void> {
    const call = ++this.#loadId;
    if (!id) return this.#set(initial());
    this.#set({ ...initial(), phase: 'loading' });
    try {
      const managed = await this.client.get(id);
      if (call === this.#loadId) this.#set({ phase: 'ready', managed, draft: toDraft(managed.entry) });
    } catch (error) {
      if (call === this.#loadId) this.#set({ phase: 'failed', error: codeOf(error) });
    }
  }

  edit(patch: Partial<Draft>): void {
    if (!this.#state.draft) return;
    this.#set({ draft: { ...this.#state.draft, ...patch }, notice: undefined });
  }

  /** Saves the draft with the ETag it was loaded with; resolves whether it was saved. */
  async save(): Promise<boolean> {
    const { managed, draft } = this.#state;
    if (!managed || !draft || this.#state.phase === 'saving') return false;
    this.#set({ phase: 'saving', error: undefined, notice: undefined });
    try {
      const saved = await this.client.update(managed.entry.id, fromDraft(managed.entry.id, draft), managed.etag);
      this.#settle(saved, 'saved');
      return true;
    } catch (error) {
      this.#failWrite(error);
      return false;
    }
  }

  /** After a conflict: their version replaces the draft (the draft is dropped); the form stays up meanwhile. */
  async reload(): Promise<void> {
    const id = this.#state.managed?.entry.id;
    if (!id || this.#state.phase === 'saving') return;
    this.#set({ phase: 'saving', error: undefined, notice: undefined });
    try {
      const managed = await this.client.get(id);
      this.#settle(managed, 'reloaded');
    } catch (error) {
      this.#set({ phase: 'ready', error: codeOf(error) });
    }
  }

  archive(): Promise<boolean> {
    return this.#act('archived', (id, etag) => this.client.archive(id, etag));
  }

  unarchive(): Promise<boolean> {
    return this.#act('unarchived', (id, etag) => this.client.restore(id, { etag }));
  }

  /** Brings back the values of an earlier revision. */
  restoreRevision(revision: number): Promise<boolean> {
    return this.#act('restored', (id, etag) => this.client.restore(id, { revision, etag }));
  }

  /** A write or reload answered: the form shows the server's entry, and the history follows it. */
  #settle(managed: ManagedEntry, notice: Notice): void {
    this.#set({
      phase: 'ready',
      managed,
      draft: toDraft(managed.entry),
      problems: {},
      otherProblems: [],
      conflict: false,
      notice,
    });
    this.#refreshHistory();
  }

  async #act(notice: Notice, run: (id: string, etag: string) => Promise<ManagedEntry>): Promise<boolean> {
    const { managed } = this.#state;
    if (!managed || this.#state.phase === 'saving') return false;
    this.#set({ phase: 'saving', error: undefined, notice: undefined });
    try {
      const saved = await run(managed.entry.id, managed.etag);
      this.#settle(saved, notice);
      return true;
    } catch (error) {
      this.#failWrite(error);
      return false;
    }
  }

  async showHistory(): Promise<void> {
    const id = this.#state.managed?.entry.id;
    if (!id) return;
    this.#set({ history: { phase: 'loading', revisions: this.#state.history?.revisions ?? [] } });
    try {
      const revisions = await this.client.revisions(id);
      if (this.#state.managed?.entry.id === id) this.#set({ history: { phase: 'ready', revisions } });
    } catch {
      this.#set({ history: { phase: 'failed', revisions: [] } });
    }
  }

  hideHistory(): void {
    this.#set({ history: undefined });
  }

  #refreshHistory(): void {
    if (this.#state.history) void this.showHistory();
  }

  #failWrite(error: unknown): void {
    if (error instanceof WriteError && error.status === 400 && error.code === 'invalid_entry') {
      const problems: Partial<Record<EditorField, string[]>> = {};
      const otherProblems: FieldProblem[] = [];
      for (const problem of error.problems) {
        const field = fieldOf(problem.field);
        if (field) (problems[field] ??= []).push(problem.message);
        else otherProblems.push(problem);
      }
      this.#set({ phase: 'ready', problems, otherProblems, conflict: false });
    } else if (error instanceof WriteError && error.status === 412) {
      this.#set({ phase: 'ready', conflict: true, problems: {}, otherProblems: [] });
    } else {
      this.#set({ phase: 'ready', error: codeOf(error) });
    }
  }
}

/** An error code the editor has a message for. */
export function codeOf(error: unknown): string {
  if (!(error instanceof WriteError)) return 'unknown';
  if (error.status === 401) return 'unauthorized';
  if (error.status === 403) return 'forbidden';
  if (error.status === 404) return 'not_found';
  if (error.status === 429) return 'rate_limited';
  if (error.code === 'network') return 'network';
  return 'unknown';
}
