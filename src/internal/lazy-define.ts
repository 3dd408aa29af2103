/**
 * Loads an element's code when the element first appears (github/catalyst's lazyDefine is the
 * model): in the document, or in a shadow root a `wsis-*` element hands over. Only the script
 * build registers loaders; elsewhere `observeLazy` does nothing.
 */
import type { LoadWhen } from '../element-list.js';

interface Pending {
  load: () => Promise<unknown>;
  when: LoadWhen;
}

const pending = new Map<string, Pending>();
const observed = new WeakSet<Node>();
/** Starts the map a little before it is reached, so it is drawn when it arrives. */
const MARGIN = '300px';
let nearView: IntersectionObserver | undefined;
const failed = new Set<string>();
const listeners = new Set<() => void>();

/** Whether some element's code could not be loaded (the widget then says so); cleared when it loads after all. */
export function lazyFailed(): boolean {
  return failed.size > 0;
}

export function onLazySettled(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function settle(tag: string, failure: boolean): void {
  if (failure === failed.has(tag)) return;
  if (failure) failed.add(tag);
  else failed.delete(tag);
  for (const listener of listeners) listener();
}

export function lazyDefine(tag: string, load: () => Promise<unknown>, when: LoadWhen): void {
  if (!customElements.get(tag)) pending.set(tag, { load, when });
}

/** Watches `root` (and everything added to it later) for elements whose code is still to load. */
export function observeLazy(root: Document | ShadowRoot): void {
  // Watched even before any loader is registered: the order in which modules run may vary.
  if (observed.has(root)) return;
  observed.add(root);
  scan(root);
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
  }).observe(root, { childList: true, subtree: true });
}

function scan(node: ParentNode): void {
  if (!pending.size) return;
  const selector = [...pending.keys()].join(',');
  if (node instanceof Element && node.matches(selector)) consider(node);
  for (const el of node.querySelectorAll(selector)) consider(el);
}

function consider(el: Element): void {
  const entry = pending.get(el.localName);
  if (!entry) return;
  if (entry.when === 'ready' || typeof IntersectionObserver === 'undefined') return start(el.localName);
  nearView ??= new IntersectionObserver(
    (records) => {
      for (const record of records) {
        if (!record.isIntersecting) continue;
        nearView?.unobserve(record.target);
        start(record.target.localName);
      }
    },
    { rootMargin: MARGIN },
  );
  nearView.observe(el);
}

/** Loads once; after a failure the next appearance of the element tries again. */
function start(tag: string): void {
  const entry = pending.get(tag);
  if (!entry) return;
  pending.delete(tag);
  // A microtask later: the chunks of the script build may still be evaluating when the tag is seen.
  Promise.resolve()
    .then(entry.load)
    .then(
      () => settle(tag, false),
      (error: unknown) => {
        pending.set(tag, entry);
        settle(tag, true);
        console.error(`wsis-stocktaking: <${tag}> could not be loaded.`, error);
      },
    );
}
