/**
 * The search side's view of the data, kept current without a restart. Each snapshot is a
 * read-only connection pinned to one committed state (an open read transaction) plus the
 * engine and response cache built from it. A newer state is built aside and swapped in with
 * one assignment; requests run synchronously on one snapshot, so none sees a half-updated index.
 */
import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { openReadOnly } from './db.js';
import { SearchEngine } from './engine.js';
import { ResponseCache } from './responses.js';
import { dataVersion } from './store/revisions.js';
import { warmUp } from './warm.js';

export interface Snapshot {
  /** Latest revision number in this snapshot. */
  version: number;
  engine: SearchEngine;
  responses: ResponseCache;
}

export interface LiveOptions {
  /** Bytes for each snapshot's cache of response bodies. */
  cacheBytes: number;
  /** How often to look for changes made by other processes (ms; default 250; 0 = never). */
  pollMs?: number;
  /** How long a typo vocabulary may lag behind the data before a write rebuilds it (ms; default 30 s). */
  vocabularyMs?: number;
  /** Called after each swap, with how long the build took. */
  onSwap?: (snapshot: Snapshot, buildMs: number) => void;
  /** A failed rebuild keeps the current snapshot; this hears why. */
  onError?: (err: Error) => void;
}

export class LiveIndex {
  private snapshot: Snapshot;
  private db: Database.Database;
  private probe: Database.Database;
  private inode: number;
  private timer?: NodeJS.Timeout;
  private poller?: NodeJS.Timeout;
  private lastBuildMs = 0;
  private vocabularyAt = 0;
  private lastSwap = 0;
  private closed = false;

  constructor(
    private readonly dbPath: string,
    private readonly options: LiveOptions,
  ) {
    this.inode = statSync(dbPath).ino;
    this.probe = openReadOnly(dbPath);
    [this.db, this.snapshot] = this.build(false);
    // Before anyone can ask: the first searches and the first update would pay for compiling and loading.
    // The rebuild applies the latest revision again onto the same data.
    const { engine, version } = this.snapshot;
    const since = Math.max(0, version - 1);
    warmUp(engine, () => new SearchEngine(this.db, { previous: { engine, version: since, keepVocabulary: true } }));
    const pollMs = options.pollMs ?? 250;
    if (pollMs > 0) {
      this.poller = setInterval(() => this.poll(), pollMs);
      this.poller.unref();
    }
  }

  get current(): Snapshot {
    return this.snapshot;
  }

  /** A write committed in this process: rebuild soon. */
  changed(): void {
    this.schedule();
  }

  /** Rebuilds now if the data moved on; for tests and the poll loop. */
  poll(): void {
    try {
      this.check();
    } catch (err) {
      this.options.onError?.(err as Error);
    }
  }

  private check(): void {
    if (this.closed) return;
    const inode = statSync(this.dbPath, { throwIfNoEntry: false })?.ino;
    if (inode !== undefined && inode !== this.inode) {
      // The file was replaced (an atomic import or snapshot copy): follow the new one.
      this.probe.close();
      this.probe = openReadOnly(this.dbPath);
      this.inode = inode;
      this.schedule('replaced');
    } else if (dataVersion(this.probe) !== this.snapshot.version) this.schedule();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    clearInterval(this.poller);
    this.db.close();
    this.probe.close();
  }

  /**
   * Builds are spaced by at least their own duration, so a stream of writes never takes
   * more than half the process; writes in between are folded into the next build.
   */
  private schedule(why: 'changed' | 'replaced' = 'changed'): void {
    if (this.timer || this.closed) return;
    const delay = Math.max(0, this.lastSwap + this.lastBuildMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        if (why === 'replaced') this.swap(false);
        else if (!this.closed && dataVersion(this.probe) !== this.snapshot.version) {
          try {
            this.swap(true);
          } catch (err) {
            // A failed incremental build must not leave search behind the data for good: report it
            // and rebuild from scratch.
            this.options.onError?.(err as Error);
            this.swap(false);
          }
        }
      } catch (err) {
        this.options.onError?.(err as Error);
      }
    }, delay);
  }

  private swap(incremental: boolean): void {
    const started = performance.now();
    const [db, snapshot] = this.build(incremental);
    const old = this.db;
    this.db = db;
    this.snapshot = snapshot;
    old.close();
    this.lastBuildMs = performance.now() - started;
    this.lastSwap = Date.now();
    this.options.onSwap?.(snapshot, this.lastBuildMs);
  }

  /** Incremental: from the current snapshot's engine, loading only rows changed since. */
  private build(incremental: boolean): [Database.Database, Snapshot] {
    const db = openReadOnly(this.dbPath);
    try {
      db.exec('BEGIN');
      const version = dataVersion(db); // first read: fixes the snapshot for everything below
      const keepVocabulary = Date.now() - this.vocabularyAt < (this.options.vocabularyMs ?? 30_000);
      const engine = new SearchEngine(db, {
        previous: incremental
          ? { engine: this.snapshot.engine, version: this.snapshot.version, keepVocabulary }
          : undefined,
      });
      if (!incremental || !keepVocabulary) this.vocabularyAt = Date.now();
      return [db, { version, engine, responses: new ResponseCache(this.options.cacheBytes) }];
    } catch (err) {
      db.close();
      throw err;
    }
  }
}
