/**
 * Security headers. The API answers JSON that nothing should render or frame; the demo pages
 * run under the strict policy the README recommends, which proves it works with the widget.
 * The widget is embedded by a script tag, never an iframe, so no page here needs framing.
 */
export const SECURITY_HEADERS = { 'x-content-type-options': 'nosniff' } as const;

export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "img-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html wsis-stocktaking',
].join('; ');

/**
 * Headers for one answer: a page gets the page policy, the API its own. Other files (the widget's
 * scripts, its worker) get none: a policy on a worker script would govern the worker.
 */
export function securityHeaders(api: boolean, contentType: string | undefined): Record<string, string> {
  if (api) return { ...SECURITY_HEADERS, 'content-security-policy': API_CSP };
  if (/^text\/html\b/i.test(contentType ?? '')) return { ...SECURITY_HEADERS, 'content-security-policy': PAGE_CSP };
  return { ...SECURITY_HEADERS };
}
