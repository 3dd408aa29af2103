import { scriptBase } from './script-url.js';

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
let policy: ScriptUrlPolicy | null | undefined;

/** Only scripts from the widget's own origin or the page's (and our blob bootstraps) may pass. */
function admits(url: string): boolean {
  if (url.startsWith('blob:')) return true;
  try {
    const { origin, protocol } = new URL(url, document.baseURI);
    const own = [new URL(scriptBase()).origin, location.origin];
    return (protocol === 'https:' || protocol === 'http:') && own.includes(origin);
  } catch {
    return false;
  }
}

/** The URL itself when `admits` lets it pass; throws otherwise. */
export function admitted(url: string): string {
  if (!admits(url)) throw new TypeError(`wsis-stocktaking: refusing to load ${url}`);
  return url;
}

/** Our policy, created on first use: null when the page's CSP refuses it, undefined without Trusted Types. */
function ourPolicy(): ScriptUrlPolicy | null | undefined {
  const tt = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): ScriptUrlPolicy } })
    .trustedTypes;
  if (!tt) return undefined;
  if (policy === undefined) {
    try {
      policy = tt.createPolicy('wsis-stocktaking', { createScriptURL: admitted });
    } catch {
      policy = null;
    }
  }
  return policy;
}

/**
 * A script URL for `<script src>` or `new Worker()`. Under Trusted Types the page should allow the
 * `wsis-stocktaking` policy (see README); without Trusted Types this is the URL itself.
 */
export function trustedScriptUrl(url: string): string {
  const p = ourPolicy();
  // Typed as string for the DOM typings; at run time a TrustedScriptURL, which the sinks accept.
  return (p ? p.createScriptURL(url) : url) as string;
}

/** True when the page's CSP lists Trusted Types policies and ours is not among them. */
export function policyRefused(): boolean {
  return ourPolicy() === null;
}
