/**
 * Runs CPU-bound jobs (uncached searches) one per event-loop turn. Between two jobs Node reads
 * the sockets again, so cheap answers (/health, cached searches, files) never wait behind a
 * backlog of searches, only behind the one running. The caps in limits.ts bound that one.
 */
export class JobQueue {
  private readonly jobs: (() => void)[] = [];
  private scheduled = false;

  /** Pending jobs, the one about to run included. */
  get length(): number {
    return this.jobs.length;
  }

  run<T>(job: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.jobs.push(() => {
        try {
          resolve(job());
        } catch (err) {
          reject(err);
        }
      });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || !this.jobs.length) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.jobs.shift()!();
      this.schedule();
    });
  }
}
