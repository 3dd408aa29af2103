import { define } from '../../internal/define.js';
import { WsisEntryEditor } from './entry-editor.js';

define('wsis-entry-editor', WsisEntryEditor);

declare global {
  interface HTMLElementTagNameMap {
    'wsis-entry-editor': WsisEntryEditor;
  }
}

export { WsisEntryEditor };
