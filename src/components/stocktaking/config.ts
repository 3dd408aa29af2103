import { isCountryCode } from '../../data/countries.js';
import { MAX_PAGE_SIZE, MAX_QUERY_LENGTH, normalizeCountry, type FilterKey, type Filters } from '../../data/query.js';
import { ACTION_LINES, ENTITY_TYPES, INTERNATIONAL, REGIONS, SDGS } from '../../data/vocabulary.js';
import type { MessageKey } from '../../i18n/index.js';

/** Scope attributes and the filter each one fixes. */
export const SCOPE_ATTRIBUTES = {
  'scope-action-line': 'actionLine',
  'scope-sdg': 'sdg',
  'scope-country': 'country',
  'scope-region': 'region',
  'scope-entity-type': 'entityType',
  'scope-organization': 'organization',
} as const satisfies Record<string, FilterKey>;

export type ScopeAttribute = keyof typeof SCOPE_ATTRIBUTES;

export interface RawConfig {
  api?: string | null;
  src?: string | null;
  /** The `page-size` attribute as written. */
  pageSize?: string | null;
  /** The `editor-url` attribute as written. */
  editorUrl?: string | null;
  scope: Partial<Record<ScopeAttribute, string | null>>;
}

export interface ConfigProblem {
  key: MessageKey;
  params?: Record<string, string>;
  /** For the console: what is wrong and what is allowed. */
  detail: string;
}

export type Config =
  | { ok: true; api?: string; src?: string; pageSize?: number; editorUrl?: string; scope: Filters }
  | { ok: false; problem: ConfigProblem };

/**
 * Splits a comma list. A comma inside a value is written `\,` (organization names such as
 * "Ministry of ICT\, Rwanda"); `\\` is a backslash.
 */
export function splitList(value: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && (value[i + 1] === ',' || value[i + 1] === '\\')) current += value[++i];
    else if (c === ',') {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out.map((v) => v.trim()).filter((v) => v !== '');
}

const SDG_VALUES = SDGS.map(String);

const ALLOWED: Record<FilterKey, { check: (v: string) => boolean; allowed: string } | undefined> = {
  actionLine: { check: (v) => (ACTION_LINES as readonly string[]).includes(v), allowed: ACTION_LINES.join(', ') },
  sdg: { check: (v) => SDG_VALUES.includes(v), allowed: 'numbers 1 to 17' },
  country: {
    check: (v) => v === INTERNATIONAL || isCountryCode(v),
    allowed: `ISO 3166-1 alpha-2 codes such as RW, or ${INTERNATIONAL}`,
  },
  region: { check: (v) => (REGIONS as readonly string[]).includes(v), allowed: REGIONS.join(', ') },
  entityType: { check: (v) => (ENTITY_TYPES as readonly string[]).includes(v), allowed: ENTITY_TYPES.join(', ') },
  organization: {
    check: (v) => v.length <= MAX_QUERY_LENGTH,
    allowed: `organization names of at most ${MAX_QUERY_LENGTH} characters, comma-separated, with "\\," for a comma inside a name`,
  },
  status: undefined,
  prize: undefined,
  link: undefined,
};

const bad = (name: string, value: string, detail: string): Config => ({
  ok: false,
  problem: { key: 'config.badAttribute', params: { name, value }, detail },
});

/** A URL the browser can fetch, resolved against the page. */
function resolveUrl(value: string, base: string): string | undefined {
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Checks the element's attributes; the first problem found is reported. */
export function readConfig(raw: RawConfig, base: string): Config {
  const api = raw.api?.trim() || undefined;
  const src = raw.src?.trim() || undefined;
  if (api && src) {
    return {
      ok: false,
      problem: {
        key: 'config.bothSources',
        detail: 'set either "api" (a search API base URL) or "src" (a static JSON data file URL), not both.',
      },
    };
  }
  if (!api && !src) {
    return {
      ok: false,
      problem: {
        key: 'config.noSource',
        detail: 'set "api" to a search API base URL or "src" to a static JSON data file URL.',
      },
    };
  }
  const name = api ? 'api' : 'src';
  const url = resolveUrl((api ?? src)!, base);
  if (!url) return bad(name, (api ?? src)!, `"${name}" must be an http: or https: URL (relative URLs are fine).`);

  let pageSize: number | undefined;
  const size = raw.pageSize?.trim();
  if (raw.pageSize != null) {
    pageSize = size && /^\d{1,3}$/.test(size) ? Number(size) : NaN;
    if (!(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE)) {
      return bad('page-size', raw.pageSize, `"page-size" must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
    }
  }

  let editorUrl: string | undefined;
  if (raw.editorUrl?.trim()) {
    editorUrl = resolveUrl(raw.editorUrl, base);
    if (!editorUrl)
      return bad('editor-url', raw.editorUrl, '"editor-url" must be an http: or https: URL (relative URLs are fine).');
  }

  const scope: Filters = {};
  for (const [attr, key] of Object.entries(SCOPE_ATTRIBUTES) as [ScopeAttribute, FilterKey][]) {
    const value = raw.scope[attr];
    if (value == null) continue;
    let values = splitList(value);
    if (key === 'country') values = values.map(normalizeCountry);
    const rule = ALLOWED[key]!;
    const wrong = values.find((v) => !rule.check(v));
    if (wrong !== undefined) return bad(attr, wrong, `"${attr}" must be a comma list of ${rule.allowed}.`);
    if (values.length) scope[key] = [...new Set(values)];
  }
  return { ok: true, api: api && url, src: src && url, pageSize, editorUrl, scope };
}
