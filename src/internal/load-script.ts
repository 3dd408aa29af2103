import { admitted, policyRefused, trustedScriptUrl } from './trusted-url.js';

/**
 * Runs one of our lazily loaded files. Strict CSP pages allow it through the nonce of their own
 * scripts, or `script-src 'self'` when same-origin. Under Trusted Types without the
 * `wsis-stocktaking` policy a script URL is refused, so the file is imported as a module instead
 * (our files are plain IIFEs, valid as either; a cross-origin import needs CORS).
 */
export function loadScript(url: string): Promise<void> {
  const script = document.createElement('script');
  try {
    if (policyRefused()) return import(/* @vite-ignore */ admitted(url)).then(() => undefined);
    script.src = trustedScriptUrl(url);
  } catch (error) {
    return Promise.reject(error);
  }
  return new Promise((resolve, reject) => {
    const nonce = [...document.querySelectorAll<HTMLScriptElement>('script[nonce]')].find((s) => s.nonce)?.nonce;
    if (nonce) script.nonce = nonce;
    script.async = true;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`The script ${url} could not be loaded`));
    document.head.append(script);
  });
}
