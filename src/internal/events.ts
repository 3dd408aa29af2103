import type { Filters } from '../data/query.js';

export interface WsisSearchDetail {
  query: string;
  filters: Filters;
  total: number;
}
export interface WsisEntryOpenDetail {
  id: string;
}
export interface WsisErrorDetail {
  code: string;
  message: string;
}

declare global {
  /** The events the widget fires for host pages. */
  interface WsisEventMap {
    'wsis-search': CustomEvent<WsisSearchDetail>;
    'wsis-entry-open': CustomEvent<WsisEntryOpenDetail>;
    'wsis-error': CustomEvent<WsisErrorDetail>;
  }
  interface GlobalEventHandlersEventMap extends WsisEventMap {}
}

export {};
