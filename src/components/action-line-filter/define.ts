import { define } from '../../internal/define.js';
import { WsisActionLineFilter } from './action-line-filter.js';

define('wsis-action-line-filter', WsisActionLineFilter);

declare global {
  interface HTMLElementTagNameMap {
    'wsis-action-line-filter': WsisActionLineFilter;
  }
}

export { WsisActionLineFilter };
