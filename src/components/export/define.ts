import { define } from '../../internal/define.js';
import { WsisExport } from './export.js';

define('wsis-export', WsisExport);

declare global {
  interface HTMLElementTagNameMap {
    'wsis-export': WsisExport;
  }
}

export { WsisExport };
