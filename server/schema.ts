/**
 * JSON schema of the search query string, for route documentation. The values are
 * checked by the shared `parseSearchParams`, so its rules and messages are the contract's.
 */
import { FILTER_KEYS } from '../src/data/query.js';

const text = { type: 'string' } as const;
const repeatable = { anyOf: [text, { type: 'array', items: text }] } as const;

export const QUERY_SCHEMA = {
  type: 'object',
  properties: {
    q: text,
    ...Object.fromEntries(FILTER_KEYS.map((key) => [key, repeatable])),
    yearFrom: text,
    yearTo: text,
    sort: text,
    page: text,
    pageSize: text,
    facets: repeatable,
  },
  additionalProperties: true,
} as const;
