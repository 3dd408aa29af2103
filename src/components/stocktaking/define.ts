import { define } from '../../internal/define.js';
import { WsisStocktaking } from './stocktaking.js';

define('wsis-stocktaking', WsisStocktaking);

declare global {
  interface HTMLElementTagNameMap {
    'wsis-stocktaking': WsisStocktaking;
  }
}

export { WsisStocktaking };
