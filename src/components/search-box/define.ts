import { define } from '../../internal/define.js';
import { WsisSearchBox } from './search-box.js';

define('wsis-search-box', WsisSearchBox);

declare global {
  interface HTMLElementTagNameMap {
    'wsis-search-box': WsisSearchBox;
  }
}

export { WsisSearchBox };
