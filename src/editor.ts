/**
 * The manage page's script (`dist/wsis-editor.js`): `<wsis-entry-editor>` and `<wsis-manage>`
 * with every language inside. Never part of the search widget's script.
 */
import './i18n/all.js';
import './components/entry-editor/define.js';
import './components/manage/define.js';

export { WsisEntryEditor } from './components/entry-editor/define.js';
export { WsisManage } from './components/manage/define.js';
export { WriteClient, WriteError } from './data/write-client.js';
