import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { define } from '../../src/internal/define.js';

class First extends LitElement {}
class Second extends LitElement {}

describe('define()', () => {
  it('registers once and warns instead of throwing on a second copy', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      define('wsis-define-probe', First);
      (Second as unknown as { wsisVersion: string }).wsisVersion = '0.0.1';
      expect(() => define('wsis-define-probe', Second)).not.to.throw();
      define('wsis-define-probe', Second);
    } finally {
      console.warn = original;
    }
    expect(customElements.get('wsis-define-probe')).to.equal(First);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('dev');
    const el = await fixture(html`<wsis-define-probe></wsis-define-probe>`);
    expect(el).to.be.instanceOf(First);
  });
});
