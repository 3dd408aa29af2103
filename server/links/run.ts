/**
 * One checking run over a database: resumes an unfinished run, checks what is due, stores results in
 * small batches (so a kill loses at most one batch), reports progress, and stops cleanly on a signal.
 */
import type Database from 'better-sqlite3';
import pLimit from 'p-limit';
import { classify, LINK_STATUSES, type LinkStatus } from './classify.js';
import { Prober, type ProbeOptions } from './probe.js';
import {
  checkedInRun,
  dueLinks,
  finishRun,
  openLinkStore,
  LINK_CHECKER_ACCOUNT,
  recordChecks,
  startRun,
  type CheckRecord,
  type Run,
} from './store.js';

/**
 * Names the project and where to read about it, so a site's operator knows who is asking. An operator who
 * publishes the docs elsewhere sets WSIS_LINK_CHECKER_URL.
 */
export const USER_AGENT = `WSIS-Stocktaking-link-checker/0.1 (+${
  process.env.WSIS_LINK_CHECKER_URL ?? 'https://www.itu.int/net4/wsis/stocktaking/'
}; link review of the WSIS Stocktaking entries)`;

export interface Progress {
  /** Checked in this run, counting the part done before a resume. */
  done: number;
  total: number;
  counts: Record<LinkStatus, number>;
  /** Checks per second in this process. */
  rate: number;
  /** Seconds left at that rate. */
  etaSeconds: number;
}

export interface CheckOptions {
  dbPath: string;
  probe?: Partial<ProbeOptions>;
  /** Only websites last checked longer ago than this (a fresh run only). */
  olderThanMs?: number;
  /** Abandons an unfinished run instead of resuming it. */
  fresh?: boolean;
  /** Stops sending new requests; checks already under way finish and are stored. */
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  progressEveryMs?: number;
  /** Results are written at least this often, and whenever `batchSize` are waiting. */
  flushEveryMs?: number;
  batchSize?: number;
  now?: () => Date;
  /** The author of the revisions for changed results (default: the checker's own name). */
  account?: string;
}

export interface RunSummary {
  run: Run;
  /** Checked by this process. */
  checked: number;
  done: number;
  total: number;
  counts: Record<LinkStatus, number>;
  interrupted: boolean;
  seconds: number;
  peakRequests: number;
}

const zeroCounts = () => Object.fromEntries(LINK_STATUSES.map((s) => [s, 0])) as Record<LinkStatus, number>;

export async function checkLinks(options: CheckOptions): Promise<RunSummary> {
  const now = options.now ?? (() => new Date());
  const db = openLinkStore(options.dbPath);
  const t0 = Date.now();
  const prober = new Prober({ userAgent: USER_AGENT, ...options.probe });
  try {
    const run = startRun(db, now(), options.olderThanMs ?? 0, options.fresh ?? false);
    const before = checkedInRun(db, run);
    const due = spreadHosts(dueLinks(db, run));
    const total = before + due.length;
    const counts = zeroCounts();
    let checked = 0;
    const batch = new Batch(db, run, options.batchSize ?? 200, options.flushEveryMs ?? 500, options.account);
    const progress = (): Progress => {
      const rate = checked / Math.max(0.001, (Date.now() - t0) / 1000);
      return {
        done: before + checked,
        total,
        counts: { ...counts },
        rate,
        etaSeconds: (total - before - checked) / (rate || 1),
      };
    };
    const ticker =
      options.onProgress && setInterval(() => options.onProgress!(progress()), options.progressEveryMs ?? 10_000);
    try {
      // Only a few times the request limit are under way at once, so a long run holds little in memory.
      const window = pLimit(prober.options.concurrency * 4);
      await Promise.all(
        due.map((link) =>
          window(async () => {
            if (options.signal?.aborted) return;
            const result = await prober.probe(link.website, options.signal);
            if (!result) return; // stopped before its first request
            const verdict = classify(link.website, result, link.failures);
            counts[verdict.status]++;
            checked++;
            batch.add({ id: link.id, url: link.website, verdict, checked: now().toISOString() });
          }),
        ),
      );
    } finally {
      if (ticker) clearInterval(ticker);
      batch.flush();
      batch.stop();
    }
    const interrupted = before + checked < total;
    if (!interrupted) finishRun(db, run, now());
    options.onProgress?.(progress());
    return {
      run,
      checked,
      done: before + checked,
      total,
      counts,
      interrupted,
      seconds: (Date.now() - t0) / 1000,
      peakRequests: prober.peakTotal,
    };
  } finally {
    await prober.close();
    db.close();
  }
}

/**
 * Orders the websites so that those of one host are spread over the run instead of queued together, where
 * they would fill the window while the per-host limit lets only 2 through.
 */
export function spreadHosts<T extends { website: string }>(links: readonly T[]): T[] {
  const seen = new Map<string, number>();
  const rank = links.map((link) => {
    let host = link.website;
    try {
      host = new URL(link.website).hostname;
    } catch {
      // Not a URL: the probe reports it; here it is its own host.
    }
    const n = seen.get(host) ?? 0;
    seen.set(host, n + 1);
    return n;
  });
  return links
    .map((link, i) => ({ link, i }))
    .sort((a, b) => rank[a.i] - rank[b.i] || a.i - b.i)
    .map((x) => x.link);
}

/** Results wait here briefly, so 20,000 checks are not 20,000 disk syncs. */
class Batch {
  private records: CheckRecord[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly db: Database.Database,
    private readonly run: Run,
    private readonly size: number,
    everyMs: number,
    private readonly account = LINK_CHECKER_ACCOUNT,
  ) {
    this.timer = setInterval(() => this.flush(), everyMs);
  }

  add(record: CheckRecord): void {
    this.records.push(record);
    if (this.records.length >= this.size) this.flush();
  }

  flush(): void {
    if (!this.records.length) return;
    recordChecks(this.db, this.run, this.records, this.account);
    this.records = [];
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
