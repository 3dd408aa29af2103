import { define } from '../../internal/define.js';
import { WsisEntryList } from './entry-list.js';

define('wsis-entry-list', WsisEntryList);

declare global {
  interface HTMLElementTagNameMap {
    'wsis-entry-list': WsisEntryList;
  }
}

export { WsisEntryList };
