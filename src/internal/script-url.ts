/**
 * The URL our own script was loaded from, read while the IIFE bundle is being evaluated
 * (later, document.currentScript is null). Unbundled ES modules (dev, tests, dist/esm) have
 * no built index file next to them, so they get the page URL and should pass `workerUrl`;
 * import.meta is avoided because the IIFE build cannot carry it.
 */
const current = typeof document !== 'undefined' ? (document.currentScript as HTMLScriptElement | null)?.src : undefined;

export function scriptBase(): string {
  return current || (typeof document !== 'undefined' ? document.baseURI : String(globalThis.location?.href ?? ''));
}
