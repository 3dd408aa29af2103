import { scriptBase } from './script-url.js';

/** The widget's own lazily loaded scripts; nothing else may pass the policy. */
const OWN_SCRIPTS = new Set(['wsis-suggest.js', 'wsis-static-index.js']);

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
let policy: ScriptUrlPolicy | null | undefined;

function admits(url: string): boolean {
  if (url.startsWith('blob:')) return true;
  try {
    const u = new URL(url);
    const base = new URL('.', scriptBase());
    const name = u.pathname.slice(u.pathname.lastIndexOf('/') + 1);
    return u.origin === base.origin && u.pathname === base.pathname + name && OWN_SCRIPTS.has(name);
  } catch {
    return false;
  }
}

/**
 * A script URL for `<script src>` or `new Worker()`. Under Trusted Types the page must allow the
 * `wsis-stocktaking` policy (see README); without Trusted Types this is the URL itself.
 */
export function trustedScriptUrl(url: string): string {
  const tt = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): ScriptUrlPolicy } })
    .trustedTypes;
  if (!tt) return url;
  if (policy === undefined) {
    try {
      policy = tt.createPolicy('wsis-stocktaking', {
        createScriptURL: (input: string) => {
          if (!admits(input)) throw new TypeError(`wsis-stocktaking: refusing to load ${input}`);
          return input;
        },
      });
    } catch {
      policy = null;
    }
  }
  // Typed as string for the DOM typings; at run time a TrustedScriptURL, which the sinks accept.
  return (policy ? policy.createScriptURL(url) : url) as string;
}
