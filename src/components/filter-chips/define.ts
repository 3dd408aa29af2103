import { define } from '../../internal/define.js';
import { WsisFilterChips } from './filter-chips.js';

define('wsis-filter-chips', WsisFilterChips);

declare global {
  interface HTMLElementTagNameMap {
    'wsis-filter-chips': WsisFilterChips;
  }
}

export { WsisFilterChips };
