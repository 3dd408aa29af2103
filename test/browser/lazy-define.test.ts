import { expect } from '@open-wc/testing';
import { lazyDefine, lazyFailed, observeLazy } from '../../src/internal/lazy-define.js';
import { until } from './helpers/dom.js';

/** A loader that counts its calls and defines `tag` (or fails while `failing`). */
function loader(tag: string) {
  const state = { calls: 0, failing: false };
  const load = async () => {
    state.calls++;
    if (state.failing) throw new Error('blocked');
    customElements.define(tag, class extends HTMLElement {});
  };
  return { state, load };
}

let seq = 0;
const tagName = (what: string) => `wsis-lazy-${what}-${++seq}`;

describe('lazyDefine', () => {
  const added: Element[] = [];
  const add = (html: string, parent: ParentNode = document.body) => {
    const holder = document.createElement('div');
    holder.innerHTML = html;
    const el = holder.firstElementChild!;
    parent.append(el);
    added.push(el);
    return el;
  };
  afterEach(() => added.splice(0).forEach((el) => el.remove()));

  it('loads a `ready` element once it is on the page, once', async () => {
    const tag = tagName('ready');
    const { state, load } = loader(tag);
    lazyDefine(tag, load, 'ready');
    observeLazy(document);
    expect(state.calls).to.equal(0);
    add(`<${tag}></${tag}>`);
    add(`<${tag}></${tag}>`);
    await until(() => customElements.get(tag), 'never defined');
    expect(state.calls).to.equal(1);
  });

  it('loads a `visible` element only when it comes near the viewport', async () => {
    const tag = tagName('visible');
    const { state, load } = loader(tag);
    lazyDefine(tag, load, 'visible');
    observeLazy(document);
    const far = add(`<${tag} style="display:block; margin-top:5000px; height:10px"></${tag}>`);
    await new Promise((r) => setTimeout(r, 300));
    expect(state.calls).to.equal(0);
    far.scrollIntoView();
    await until(() => customElements.get(tag), 'never defined');
    expect(state.calls).to.equal(1);
    window.scrollTo(0, 0);
  });

  it('finds elements in the shadow roots it is handed', async () => {
    const tag = tagName('shadow');
    const { load } = loader(tag);
    lazyDefine(tag, load, 'ready');
    const host = add('<div></div>');
    const root = host.attachShadow({ mode: 'open' });
    observeLazy(root);
    root.innerHTML = `<${tag}></${tag}>`;
    await until(() => customElements.get(tag), 'never defined');
  });

  it('after a failed load, says so and tries again when the element appears again', async () => {
    const tag = tagName('retry');
    const { state, load } = loader(tag);
    state.failing = true;
    lazyDefine(tag, load, 'ready');
    observeLazy(document);
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      add(`<${tag}></${tag}>`);
      await until(() => lazyFailed(), 'the failure was not noted');
      expect(errors).to.have.length(1);
      state.failing = false;
      add(`<${tag}></${tag}>`);
      await until(() => customElements.get(tag), 'never defined');
      expect(state.calls).to.equal(2);
      expect(lazyFailed()).to.equal(false);
    } finally {
      console.error = original;
    }
  });
});
