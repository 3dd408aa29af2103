/**
 * Records the AbortSignal of every request by path. Imported before the data layer, which keeps the
 * `fetch` it finds when first evaluated (src/data/fetch-json.ts), so its requests go through here.
 */
export const signals = new Map<string, AbortSignal | undefined>();

const original = globalThis.fetch.bind(globalThis);
globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(input instanceof Request ? input.url : String(input), location.href);
  signals.set(url.pathname, init?.signal ?? undefined);
  return original(input, init);
};
