import { define } from '../../internal/define.js';
import { WsisEntryDetail } from './entry-detail.js';

define('wsis-entry-detail', WsisEntryDetail);

declare global {
  interface HTMLElementTagNameMap {
    'wsis-entry-detail': WsisEntryDetail;
  }
}

export { WsisEntryDetail };
