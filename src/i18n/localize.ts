import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MessageParams } from './format.js';
import { dir, matchLang, onMessages, resolveLang, t, type Lang, type MessageKey } from './index.js';

type Host = ReactiveControllerHost & HTMLElement;

const connected = new Set<Host>();
const watched = new WeakSet<Node>();
let observer: MutationObserver | undefined;
let offMessages: (() => void) | undefined;

function rerenderAll(): void {
  for (const host of connected) host.requestUpdate();
}

/**
 * Watches the `lang` attributes of every root an element lives in: the document and, for an element
 * inside shadow roots, each shadow root up to the document, so a `lang` set on any ancestor (a page
 * element, `<wsis-stocktaking>`, or an ancestor inside another component's shadow root) reaches it.
 * One observer for all elements, as in Shoelace's LocalizeController, which watches only `<html>`.
 */
function watchRoots(host: Host): void {
  observer ??= new MutationObserver(rerenderAll);
  let root: Node | undefined = host.getRootNode();
  while (root && !watched.has(root)) {
    watched.add(root);
    observer.observe(root, { attributes: true, attributeFilter: ['lang'], subtree: true });
    root = root instanceof ShadowRoot ? root.host.getRootNode() : undefined;
  }
}

/**
 * The language of one element: its own `lang`, else the nearest `lang` up through shadow roots,
 * else English. Re-renders the element when a `lang` above it changes and when a language's
 * texts arrive.
 */
export class LocalizeController implements ReactiveController {
  readonly #host: Host;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  get lang(): Lang {
    return matchLang(this.#host.lang) ?? resolveLang(this.#host);
  }

  get dir(): 'rtl' | 'ltr' {
    return dir(this.lang);
  }

  /** The text of `key` in this element's language (English where it has none). */
  term(key: MessageKey, params?: MessageParams): string {
    return t(this.lang, key, params);
  }

  hostConnected(): void {
    connected.add(this.#host);
    offMessages ??= onMessages(rerenderAll);
    watchRoots(this.#host);
  }

  hostDisconnected(): void {
    connected.delete(this.#host);
  }
}
