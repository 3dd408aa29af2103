/** Heading levels an entry title may take: below the page's own h1. */
export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

/** A `heading-level` value as given, or undefined when it is not a whole number from 2 to 6. */
export function parseHeadingLevel(value: unknown): HeadingLevel | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n >= 2 && n <= 6 ? (n as HeadingLevel) : undefined;
}

function levelOf(el: Element): number | undefined {
  if (el.getAttribute('role') === 'heading') return Number(el.getAttribute('aria-level')) || 2;
  const m = /^h([1-6])$/.exec(el.localName);
  return m ? Number(m[1]) : undefined;
}

/**
 * One level below the last heading before `el` in the page (outside every shadow root), so
 * entry titles continue the page's outline wherever the widget is placed. h2 when none.
 */
export function derivedHeadingLevel(el: Element): HeadingLevel {
  let outer: Element = el;
  for (let root = outer.getRootNode(); root instanceof ShadowRoot; root = outer.getRootNode()) outer = root.host;
  if (!outer.isConnected) return 2;
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ELEMENT);
  walker.currentNode = outer;
  for (let node = walker.previousNode(); node; node = walker.previousNode()) {
    const level = levelOf(node as Element);
    if (level) return Math.min(6, Math.max(2, level + 1)) as HeadingLevel;
  }
  return 2;
}
