/**
 * Caps that bound what one request can cost in memory and CPU. They are the server's own,
 * checked before the shared query model (`parseSearchParams`) sees the parameters.
 */
import type { ParamError } from '../src/data/evaluate.js';
import { FILTER_KEYS, MAX_QUERY_LENGTH, tokenize } from '../src/data/query.js';

/** Raw query string bytes after the `?`; a URL over ~16 kB never gets this far (431). */
export const MAX_QUERY_STRING = 8192;
/**
 * Values per filter parameter, counting comma-separated ones: every country code (249), the longest
 * list a visitor can tick. Organization scopes, such as the UN agencies of a UNGIS page, fit too; the
 * query-string cap bounds their length.
 */
export const MAX_FILTER_VALUES = 249;
/** Search terms in `q`, after stop words and one-letter words are dropped. */
export const MAX_TERMS = 12;
/** Terms per query that may be typo-corrected; the rest match only as written. */
export const MAX_CORRECTED_TERMS = 3;

const KNOWN = new Set<string>(['q', ...FILTER_KEYS, 'yearFrom', 'yearTo', 'sort', 'page', 'pageSize', 'facets']);

/** Set by the query-string parser on a parameter whose percent-encoding is not UTF-8. */
export const MALFORMED = Symbol('malformed parameter');

export type RawQuery = Record<string, string | string[]> & { [MALFORMED]?: string };

const invalid = (parameter: string, message: string): ParamError => ({
  code: 'invalid_parameter',
  parameter,
  message,
});

/** The first cap `raw` breaks, if any. */
export function checkLimits(raw: RawQuery): ParamError | undefined {
  const malformed = raw[MALFORMED];
  if (malformed !== undefined) return invalid(malformed, `${malformed} is not valid percent-encoded UTF-8`);
  const q = raw.q;
  if (typeof q === 'string') {
    // NFKC can turn one character into several ("㎑" → "kHz"), so measure what is searched.
    if (q.normalize('NFKC').length > MAX_QUERY_LENGTH)
      return invalid('q', `q must be at most ${MAX_QUERY_LENGTH} characters after Unicode (NFKC) normalization`);
    // Repeated words cost nothing more, so only distinct ones count.
    if (new Set(tokenize(q)).size > MAX_TERMS)
      return invalid('q', `q may hold at most ${MAX_TERMS} different search words`);
  }
  for (const key of FILTER_KEYS) {
    const value = raw[key];
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    const n = key === 'organization' ? values.length : values.reduce((sum, v) => sum + v.split(',').length, 0);
    if (n > MAX_FILTER_VALUES) return invalid(key, `${key} may be given at most ${MAX_FILTER_VALUES} values`);
  }
  return undefined;
}

/**
 * Form decoding as URLSearchParams does it (`+` is a space; repeated keys become arrays), but
 * strict: a known parameter whose percent-encoding is not UTF-8 is flagged, not turned into U+FFFD.
 */
export function parseQuery(query: string): RawQuery {
  const out: RawQuery = Object.create(null);
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
    const key = decode(rawKey);
    const value = decode(rawValue);
    // Unknown parameters are ignored, however they are spelled.
    if (key === undefined || !KNOWN.has(key)) continue;
    if (value === undefined) {
      out[MALFORMED] ??= key;
      continue;
    }
    const prev = out[key];
    if (prev === undefined) out[key] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else out[key] = [prev, value];
  }
  return out;
}

function decode(s: string): string | undefined {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}
