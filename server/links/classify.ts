/**
 * What a probe means for an entry's website. Pure: the same probe and history always give the same verdict.
 */
import { LINK_STATUSES, type LinkStatus } from '../../src/data/vocabulary.js';
import type { ProbeError, ProbeResult } from './probe.js';

export { LINK_STATUSES, type LinkStatus };

/**
 * A temporary failure (5xx, timeout, reset, TLS, rate limit) becomes `broken` on this many consecutive
 * failed runs: with a monthly run, a site down for three months in a row.
 */
export const FAILURES_BEFORE_BROKEN = 3;

export interface Verdict {
  status: LinkStatus;
  /** The last HTTP status code seen, if any answer came. */
  code: number | null;
  /** Where the redirects ended (the last URL asked). */
  finalUrl: string;
  /** For `redirected`: the URL to use instead, as far as the redirects are permanent. */
  proposedUrl: string | null;
  /** Consecutive failed runs, this one included. */
  failures: number;
  /** Why, in a few words (error kind, parking reason). */
  detail: string;
}

/** Failures that say the site is gone now, not that it is struggling. */
const GONE: ReadonlySet<ProbeError> = new Set(['dns', 'refused', 'loop', 'too-many-redirects', 'bad-redirect']);

/**
 * Hosts of domain marketplaces and parking services. A redirect there means the domain was given up.
 * Matched as the host or a parent domain of it.
 */
export const PARKING_HOSTS = [
  'sedoparking.com',
  'sedo.com',
  'parkingcrew.net',
  'bodis.com',
  'above.com',
  'afternic.com',
  'dan.com',
  'hugedomains.com',
  'undeveloped.com',
  'domainmarket.com',
  'parklogic.com',
  'uniregistry.com',
  'buydomains.com',
  'domainnamesales.com',
  'dynadot.com',
  'namebright.com',
  'parked.com',
];

/** Phrases of parking and for-sale pages, looked for in the first bytes of a small page. */
export const PARKING_MARKERS = [
  /\bdomain (name )?(is|may be|might be) for sale\b/i,
  /\bbuy this domain\b/i,
  /\bthis domain (name )?(has been|is|was) (parked|registered)\b/i,
  /\bparked (free|domain|by)\b/i,
  /\bdomain (has )?expired\b/i,
  /\b(sedoparking|parkingcrew|bodis)\b/i,
];

export function isParkingHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return PARKING_HOSTS.some((p) => host === p || host.endsWith(`.${p}`));
}

const isRoot = (url: URL) => (url.pathname === '/' || url.pathname === '') && !url.search;

/**
 * The cheap signs of a parked or generic page:
 * - a redirect ends on a parking or domain-sale host;
 * - a deep URL (a path or a query) is redirected to the bare root of a site: the page is gone and the
 *   site sends everyone home;
 * - a page small enough to read (≤ 16 kB) carries a parking phrase.
 * A site whose own front page is the entry's website is never judged by the second rule.
 */
export function parkingReason(start: string, probe: ProbeResult & { kind: 'response' }): string | null {
  const first = new URL(start);
  const last = new URL(probe.finalUrl);
  if (probe.hops.some((h) => isParkingHost(new URL(h.url).hostname))) return 'parking host';
  if (probe.hops.length > 1 && !isRoot(first) && isRoot(last)) return 'deep link redirected to the site root';
  if (probe.body && PARKING_MARKERS.some((re) => re.test(probe.body!))) return 'parking page';
  return null;
}

/**
 * The URL to propose: the target of the leading run of permanent redirects (301, 308). Later temporary
 * hops are left out, since they may change.
 */
export function proposedUrl(probe: ProbeResult): string | null {
  let proposed: string | null = null;
  for (let i = 0; i < probe.hops.length - 1; i++) {
    if (probe.hops[i].code !== 301 && probe.hops[i].code !== 308) break;
    proposed = probe.hops[i + 1].url;
  }
  return proposed;
}

/**
 * The verdict for a website, given what the probe found and the failures of the runs before
 * (`previousFailures`, counted for the same URL only).
 */
export function classify(start: string, probe: ProbeResult, previousFailures: number): Verdict {
  const last = probe.hops.at(-1);
  const base = { finalUrl: probe.finalUrl, proposedUrl: null, code: last?.code ?? null };
  const failed = (gone: boolean, detail: string): Verdict => {
    const failures = previousFailures + 1;
    return {
      ...base,
      status: gone || failures >= FAILURES_BEFORE_BROKEN ? 'broken' : 'failing',
      failures,
      detail,
    };
  };
  if (probe.kind === 'error') return failed(GONE.has(probe.error), `${probe.error}: ${probe.message}`);
  const { code } = probe;
  if (code === 404 || code === 410) return failed(true, `HTTP ${code}`);
  if (code === 429) return failed(false, 'rate-limited');
  // 401/403: the site is there and answers, it only keeps robots or strangers out.
  const answered = (code >= 200 && code < 300) || code === 401 || code === 403;
  if (!answered) return failed(false, `HTTP ${code}`);
  const parked = parkingReason(start, probe);
  if (parked) return { ...base, status: 'parked', failures: 0, detail: parked };
  const proposed = proposedUrl(probe);
  if (proposed)
    return { ...base, status: 'redirected', proposedUrl: proposed, failures: 0, detail: 'moved permanently' };
  return { ...base, status: 'ok', failures: 0, detail: probe.hops.length > 1 ? 'temporary redirect' : '' };
}
