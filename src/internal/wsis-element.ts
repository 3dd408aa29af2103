import './events.js';
import { LitElement, type PropertyDeclarations } from 'lit';
import { StoreController } from '../state/context.js';
import { LocalizeController } from '../i18n/localize.js';
import { observeLazy } from './lazy-define.js';

/** Base of every wsis-* element, `<wsis-stocktaking>` included: texts, lazy children, typed outward events. */
export class WsisBase extends LitElement {
  /** This element's language, direction and texts; re-renders it when either changes. */
  readonly localize = new LocalizeController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    // Elements this one renders load their code when they appear (script build only).
    observeLazy(this.renderRoot as ShadowRoot);
  }

  /** Fires a bubbling, composed `wsis-*` event for the host page; every outward event goes through here. */
  emit<K extends keyof WsisEventMap>(name: K, detail: WsisEventMap[K]['detail']): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: false }));
  }
}

/** Base of the wsis-* parts of a search: the link to the store of their `<wsis-stocktaking>`. */
export class WsisElement extends WsisBase {
  static override properties: PropertyDeclarations = {
    for: { reflect: true },
  };
  /** Parts that render a new answer at once; the others wait until it has painted. */
  static rendersAnswersFirst = false;

  /** The id of a `<wsis-stocktaking>` elsewhere on the page to link to. */
  for?: string;

  protected readonly storeController = new StoreController(this, {
    first: (this.constructor as typeof WsisElement).rendersAnswersFirst,
  });

  protected override scheduleUpdate(): void | Promise<unknown> {
    const delay = this.storeController.takeDelay();
    return delay ? delay.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected get store() {
    return this.storeController.store;
  }

  override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    if (changed.has('for') && changed.get('for') !== undefined) this.storeController.relink();
  }
}
