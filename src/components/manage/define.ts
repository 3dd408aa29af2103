import { define } from '../../internal/define.js';
import { WsisManage } from './manage.js';

define('wsis-manage', WsisManage);

declare global {
  interface HTMLElementTagNameMap {
    'wsis-manage': WsisManage;
  }
}

export { WsisManage };
