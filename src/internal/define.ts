import { VERSION } from './version.js';

type Tagged = CustomElementConstructor & { wsisVersion?: string };

/**
 * Registers an element unless a copy already did: a second bundle on the page
 * must not throw, and says once which versions met.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag) as Tagged | undefined;
  if (existing) {
    if (existing !== ctor) warnOnce(existing.wsisVersion ?? 'unknown');
    return;
  }
  (ctor as Tagged).wsisVersion = VERSION;
  customElements.define(tag, ctor);
}

let warned = false;
function warnOnce(other: string): void {
  if (warned) return;
  warned = true;
  console.warn(
    `wsis-stocktaking: version ${VERSION} was loaded, but version ${other} already registered the wsis-* elements; ` +
      `the page keeps version ${other}. Load the widget script once.`,
  );
}
