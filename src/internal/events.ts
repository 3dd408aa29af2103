import type { Filters } from '../data/query.js';

export interface WsisSearchDetail {
  query: string;
  filters: Filters;
  total: number;
}
export interface WsisEntryOpenDetail {
  id: string;
}
export type ExportFormat = 'csv' | 'json';
export interface WsisExportDetail {
  format: ExportFormat;
  /** Entries in the file. */
  count: number;
  /** Entries the search found; more than `count` when the export was capped. */
  total: number;
  capped: boolean;
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
    'wsis-export': CustomEvent<WsisExportDetail>;
  }
  interface GlobalEventHandlersEventMap extends WsisEventMap {}
}

export {};
