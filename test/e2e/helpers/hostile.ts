/**
 * A host page that does everything a careless or hostile embedding site might: a strict CSP
 * with Trusted Types, global CSS that targets every element, a patched fetch, globals named
 * like the widget's internals, a frozen Array.prototype, and a second copy of the widget.
 */
import type { Handler, Stack } from './stack.js';
import { html } from './stack.js';

export interface CspOptions {
  /** Overrides worker-src (the static-mode variant blocks workers). */
  workerSrc?: string;
  /** Overrides the allowed Trusted Types policies (default POLICIES). */
  policies?: string;
  /** script-src trusts only the nonce and what nonced scripts load ('strict-dynamic'), not 'self'. */
  strictDynamic?: boolean;
}

/** Trusted Types policies the README tells pages to allow: Lit's only (the widget creates none). */
export const POLICIES = 'lit-html';

/**
 * The strict CSP of the hostile page. default-src 'self' already covers connect-, img-, font-
 * and worker-src, so only what differs from it is spelled out.
 */
export function strictCsp(nonce: string, options: CspOptions = {}): string {
  return [
    `default-src 'self'`,
    options.strictDynamic ? `script-src 'nonce-${nonce}' 'strict-dynamic'` : `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self'`,
    ...(options.workerSrc ? [`worker-src ${options.workerSrc}`] : []),
    `require-trusted-types-for 'script'`,
    `trusted-types ${options.policies ?? POLICIES}`,
  ].join('; ');
}

export const HOSTILE_CSS = `
* { box-sizing: content-box; font: 30px serif !important; }
button { display: none; }
div { color: red !important; }
`;

/** Resets every element, the widget's host element included. */
export const ALL_UNSET_CSS = `${HOSTILE_CSS}
* { all: unset; }
`;

export const TRACE_HEADER = 'x-trace';

export const HOSTILE_JS = `
(() => {
  // Records every Trusted Types policy asked for, allowed or not.
  if (window.trustedTypes) {
    const create = trustedTypes.createPolicy.bind(trustedTypes);
    window.__policies = [];
    trustedTypes.createPolicy = (name, rules) => (window.__policies.push(name), create(name, rules));
  }
  const original = window.fetch;
  window.fetch = function (input, init) {
    const headers = new Headers((init && init.headers) || (input instanceof Request ? input.headers : undefined));
    headers.set('${TRACE_HEADER}', 'host-page');
    return original.call(this, input, Object.assign({}, init, { headers }));
  };
  window.WsisStocktaking = 1;
  window.litHtmlVersions = 'x';
  window.__wsis = {};
  window.MiniSearch = null;
  window.Fuse = null;
  Object.defineProperty(Array.prototype, 'includesAll', {
    value: function (...items) { return items.every((x) => this.includes(x)); },
    enumerable: true, writable: true, configurable: true,
  });
  Object.freeze(Array.prototype);
  // Positive control: the host's own request does carry the header.
  window.fetch('/api/v1/health?from=host').catch(() => {});
})();
`;

export interface HostileOptions extends CspOptions {
  /** Widget attributes, e.g. 'api="/api/v1"'. */
  widget: string;
  /** URL of a second widget copy loaded at the end of the body. */
  secondCopy?: string;
  /** Widget script URL (default /dist/wsis-stocktaking.js). */
  script?: string;
  /** Use the `all: unset` stylesheet. */
  allUnset?: boolean;
}

/** Registers the page at `path` and its stylesheet and script beside it. */
export function hostilePage(stack: Stack, path: string, o: HostileOptions): string {
  const css = o.allUnset ? '/host/hostile-unset.css' : '/host/hostile.css';
  stack.route('/host/hostile.css', () => ({ body: HOSTILE_CSS, type: 'text/css' }));
  stack.route('/host/hostile-unset.css', () => ({ body: ALL_UNSET_CSS, type: 'text/css' }));
  stack.route('/host/hostile.js', () => ({ body: HOSTILE_JS, type: 'text/javascript' }));
  const handler: Handler = (nonce) =>
    html(
      `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Partner page</title>
<script${o.strictDynamic ? ` nonce="${nonce}"` : ''} src="${o.script ?? '/dist/wsis-stocktaking.js'}"></script>
<link rel="stylesheet" href="${css}">
<script nonce="${nonce}" src="/host/hostile.js"></script>
</head>
<body>
<div class="partner-content"><h1>Our projects</h1>
<wsis-stocktaking ${o.widget}></wsis-stocktaking>
</div>
${o.secondCopy ? `<script src="${o.secondCopy}"></script>` : ''}
</body>
</html>`,
      { 'content-security-policy': strictCsp(nonce, o) },
    );
  stack.route(path, handler);
  return stack.origin + path;
}
