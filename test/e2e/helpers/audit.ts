/** Checks, inside the page, that no data became markup anywhere in the widget's composed tree. */
import type { Page } from 'playwright-core';

export interface Audit {
  elements: number;
  shadowRoots: number;
  problems: string[];
}

/**
 * Walks every shadow root under each `<wsis-stocktaking>` (and its light children), recursively.
 * Flags: elements the widget never renders (the payloads' tags), `on*` attributes, style
 * attributes, and URL attributes that are not http(s).
 */
// In-page code is kept as plain JavaScript: the TypeScript loader would wrap named inner
// functions in a helper that does not exist in the page.
const AUDIT = `(() => {
  const BANNED = new Set(('script img image iframe frame frameset object embed applet math mtext mglyph style ' +
    'noscript body video audio source marquee base meta link template textarea title b i animate set ' +
    'foreignobject xmp plaintext').split(' '));
  const URL_ATTRS = ['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'poster', 'background'];
  const problems = [];
  let elements = 0;
  let shadowRoots = 0;
  const describe = (el) => '<' + el.localName + (el.id ? '#' + el.id : '') + ' class="' + (el.getAttribute('class') || '') + '">';
  const check = (el) => {
    elements++;
    if (BANNED.has(el.localName.toLowerCase())) problems.push('element ' + describe(el));
    for (const attr of el.getAttributeNames()) {
      const value = el.getAttribute(attr) || '';
      const shown = JSON.stringify(value.slice(0, 80));
      if (/^on/i.test(attr)) problems.push(describe(el) + ' has ' + attr + '=' + shown);
      if (attr === 'style') problems.push(describe(el) + ' has a style attribute');
      if (URL_ATTRS.includes(attr.toLowerCase())) {
        let protocol;
        try { protocol = new URL(value, document.baseURI).protocol; } catch { protocol = 'invalid'; }
        if (protocol !== 'http:' && protocol !== 'https:') problems.push(describe(el) + ' has ' + attr + '=' + shown + ' (' + protocol + ')');
      }
    }
    if (el instanceof HTMLAnchorElement && el.hasAttribute('href') && !/^https?:$/.test(el.protocol)) {
      problems.push(describe(el) + ' links to ' + el.protocol);
    }
  };
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      check(el);
      if (el.shadowRoot) { shadowRoots++; walk(el.shadowRoot); }
    }
  };
  for (const widget of document.querySelectorAll('wsis-stocktaking')) {
    walk(widget);
    if (widget.shadowRoot) { shadowRoots++; walk(widget.shadowRoot); }
  }
  return { elements, shadowRoots, problems };
})()`;

/**
 * Walks every shadow root under each `<wsis-stocktaking>` (and its light children), recursively.
 * Flags: elements the widget never renders (the payloads' tags), `on*` attributes, style
 * attributes, and URL attributes that are not http(s).
 */
export async function auditDom(page: Page): Promise<Audit> {
  return page.evaluate(AUDIT) as Promise<Audit>;
}

const TEXT = `(() => {
  const parts = [];
  const visit = (node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.nodeValue || '');
    if (node.shadowRoot) for (const child of node.shadowRoot.childNodes) visit(child);
    for (const child of node.childNodes) visit(child);
  };
  for (const widget of document.querySelectorAll('wsis-stocktaking')) visit(widget);
  return parts.join('');
})()`;

/** The widget's text as a visitor's assistive technology would get it: every shadow root, in order. */
export async function composedText(page: Page): Promise<string> {
  return page.evaluate(TEXT) as Promise<string>;
}
