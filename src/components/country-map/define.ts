import { define } from '../../internal/define.js';
import { WsisCountryMap } from './country-map.js';

define('wsis-country-map', WsisCountryMap);

declare global {
  interface HTMLElementTagNameMap {
    'wsis-country-map': WsisCountryMap;
  }
}

export { WsisCountryMap };
