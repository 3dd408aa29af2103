import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { Facets, Filters } from '../../../src/data/query.js';
import { SearchStore } from '../../../src/state/search-store.js';
import { fakeSource, type FakeSource } from './fake-source.js';
import './provider.js';

export interface MountOptions {
  scope?: Filters;
  facets?: Facets;
  lang?: string;
  debounceMs?: number;
}

export interface Mounted<E extends HTMLElement> {
  el: E;
  store: SearchStore;
  source: FakeSource;
}

/** Renders `inner` inside a provider whose store has already run its first search. */
export async function mount<E extends HTMLElement>(
  inner: TemplateResult,
  options: MountOptions = {},
): Promise<Mounted<E>> {
  const source = fakeSource(undefined, options.facets);
  const store = new SearchStore(source, { debounceMs: options.debounceMs ?? 10, scope: options.scope });
  await store.search();
  const provider = await fixture<HTMLElement>(
    html`<wsis-test-provider lang=${options.lang ?? 'en'} .store=${store}>${inner}</wsis-test-provider>`,
  );
  const el = provider.firstElementChild as E;
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return { el, store, source };
}

/** Waits for the store's search in flight (debounce included) to settle. */
export async function settled(store: SearchStore, el?: { updateComplete: Promise<unknown> }): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < 2000) {
    await new Promise((r) => setTimeout(r, 20));
    if (store.state.status !== 'loading' && store.state.status !== 'stalled') break;
  }
  await el?.updateComplete;
}

/** An element in the shadow root, or a failed test. */
export function $<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = el.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not found in <${el.localName}>`);
  return found;
}

export function $$<T extends Element = HTMLElement>(el: Element, selector: string): T[] {
  return [...(el.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
}
