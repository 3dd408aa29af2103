/**
 * Sign-in limits. Per account: from the `freeFailures`th consecutive failure, each further
 * attempt waits twice as long as the last (capped), so guessing slows to a crawl while the
 * owner can still sign in once the wait is over. Per address: a fixed budget per window.
 */
export interface LimitOptions {
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  addressFailures: number;
  addressWindowMs: number;
}

export const DEFAULT_LIMITS: LimitOptions = {
  freeFailures: 5,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60_000,
  addressFailures: 20,
  addressWindowMs: 15 * 60_000,
};

interface AccountState {
  failures: number;
  notBefore: number;
}

/** Beyond this many tracked addresses, expired ones are dropped. */
const PRUNE_AT = 10_000;

export class LoginLimiter {
  private readonly accounts = new Map<number, AccountState>();
  private readonly addresses = new Map<string, number[]>();
  readonly options: LimitOptions;

  constructor(options: Partial<LimitOptions> = {}) {
    this.options = { ...DEFAULT_LIMITS, ...options };
  }

  /** Milliseconds to wait before an attempt is allowed; 0 when it may go ahead. */
  wait(accountId: number | undefined, address: string, now = Date.now()): number {
    const recent = this.recent(address, now);
    const byAddress =
      recent.length >= this.options.addressFailures ? recent[0] + this.options.addressWindowMs - now : 0;
    const state = accountId === undefined ? undefined : this.accounts.get(accountId);
    const byAccount = state ? state.notBefore - now : 0;
    return Math.max(0, byAddress, byAccount);
  }

  fail(accountId: number | undefined, address: string, now = Date.now()): void {
    const recent = this.recent(address, now);
    recent.push(now);
    this.addresses.set(address, recent);
    if (this.addresses.size > PRUNE_AT) for (const key of this.addresses.keys()) this.recent(key, now);
    if (accountId === undefined) return;
    const state = this.accounts.get(accountId) ?? { failures: 0, notBefore: 0 };
    state.failures++;
    const over = state.failures - this.options.freeFailures;
    if (over >= 0) state.notBefore = now + Math.min(this.options.baseDelayMs * 2 ** over, this.options.maxDelayMs);
    this.accounts.set(accountId, state);
  }

  succeed(accountId: number): void {
    this.accounts.delete(accountId);
  }

  private recent(address: string, now: number): number[] {
    const list = (this.addresses.get(address) ?? []).filter((t) => t > now - this.options.addressWindowMs);
    if (list.length) this.addresses.set(address, list);
    else this.addresses.delete(address);
    return list;
  }
}
