import { trustedScriptUrl } from './trusted-url.js';

/**
 * Adds a classic <script> for one of our lazily loaded files. Strict CSP pages allow it
 * through the nonce of their own scripts; `script-src 'self'` allows it when same-origin.
 * Under Trusted Types a refused URL rejects, like a failed load.
 */
export function loadScript(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    const nonce = [...document.querySelectorAll<HTMLScriptElement>('script[nonce]')].find((s) => s.nonce)?.nonce;
    if (nonce) script.nonce = nonce;
    script.src = trustedScriptUrl(url);
    script.async = true;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`The script ${url} could not be loaded`));
    document.head.append(script);
  });
}
