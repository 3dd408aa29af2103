import type {} from '../../internal/events.js';

/** Fires a bubbling, composed `wsis-*` event for the host page. */
export function emit<K extends keyof WsisEventMap>(
  target: EventTarget,
  name: K,
  detail: WsisEventMap[K]['detail'],
): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
