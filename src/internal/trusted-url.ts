import { scriptBase } from './script-url.js';

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
let policy: ScriptUrlPolicy | null | undefined;

/** Only scripts from the widget's own origin or the page's (and our blob bootstraps) may pass. */
export function admits(url: string): boolean {
  if (url.startsWith('blob:')) return true;
  try {
    const { origin, protocol } = new URL(url, document.baseURI);
    const own = [new URL(scriptBase()).origin, location.origin];
    return (protocol === 'https:' || protocol === 'http:') && own.includes(origin);
  } catch {
    return false;
  }
}

/**
 * A script URL for `<script src>` or `new Worker()`. Under Trusted Types the page should allow the
 * `wsis-stocktaking` policy (see README); without Trusted Types this is the URL itself.
 */
export function trustedScriptUrl(url: string): string {
  const tt = ttFactory();
  if (!tt) return url;
  if (policy === undefined) policy = create(tt);
  // Typed as string for the DOM typings; at run time a TrustedScriptURL, which the sinks accept.
  return (policy ? policy.createScriptURL(url) : url) as string;
}

/** True when the page's CSP lists Trusted Types policies and ours is not among them. */
export function policyRefused(): boolean {
  const tt = ttFactory();
  if (tt && policy === undefined) policy = create(tt);
  return policy === null;
}

function ttFactory() {
  return (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): ScriptUrlPolicy } }).trustedTypes;
}

function create(tt: NonNullable<ReturnType<typeof ttFactory>>): ScriptUrlPolicy | null {
  try {
    return tt.createPolicy('wsis-stocktaking', {
      createScriptURL: (input: string) => {
        if (!admits(input)) throw new TypeError(`wsis-stocktaking: refusing to load ${input}`);
        return input;
      },
    });
  } catch {
    return null;
  }
}
