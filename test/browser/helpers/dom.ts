import { waitUntil } from '@open-wc/testing';

/** Every shadow root under `root`, nested ones included. */
export function shadowRoots(root: Element | ShadowRoot | Document): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const visit = (node: Element | ShadowRoot | Document) => {
    for (const el of node.querySelectorAll('*')) {
      if (el.shadowRoot) {
        out.push(el.shadowRoot);
        visit(el.shadowRoot);
      }
    }
  };
  if (root instanceof Element && root.shadowRoot) {
    out.push(root.shadowRoot);
    visit(root.shadowRoot);
  }
  visit(root);
  return out;
}

/** The first match in `root` or any shadow root below it. */
export function deepQuery<T extends Element = HTMLElement>(root: Element | Document, selector: string): T | null {
  const direct = root.querySelector<T>(selector);
  if (direct) return direct;
  for (const shadow of shadowRoots(root)) {
    const found = shadow.querySelector<T>(selector);
    if (found) return found;
  }
  return null;
}

export function deepQueryAll<T extends Element = HTMLElement>(root: Element | Document, selector: string): T[] {
  return [root, ...shadowRoots(root)].flatMap((node) => [...node.querySelectorAll<T>(selector)]);
}

/** The focused element, looking inside shadow roots. */
export function deepActive(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** waitUntil with room for slow runs (two browsers, a background tab): the default 1 s is too tight. */
export const until = (predicate: () => unknown, message = 'condition not met', timeout = 8000) =>
  waitUntil(predicate, message, { timeout });

/** Waits for an element that matches, anywhere under `root`. */
export async function found<T extends Element = HTMLElement>(
  root: Element | Document,
  selector: string,
  message?: string,
): Promise<T> {
  await until(() => deepQuery(root, selector), message ?? `no ${selector}`);
  return deepQuery<T>(root, selector)!;
}

/** The visible text of an element, whitespace collapsed. */
export const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A short description of an element for assertion messages. */
export function label(el: Element | null | undefined): string {
  if (!el) return String(el);
  const cls =
    typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
  return `<${el.localName}${cls}> "${text(el).slice(0, 40)}"`;
}

// A failing chai assertion whose actual value is a DOM node stalls the browser session in wtr,
// so element checks compare descriptions instead.

/** Asserts that two nodes are the same node. */
export function same(actual: Element | null | undefined, expected: Element | null | undefined, what = 'element'): void {
  if (actual !== expected) throw new Error(`${what}: got ${label(actual)}, expected ${label(expected)}`);
}

/** Asserts that nothing matched. */
export function absent(el: Element | null | undefined, what = 'element'): void {
  if (el) throw new Error(`${what}: expected none, got ${label(el)}`);
}
