/**
 * The manage page's script (`dist/wsis-editor.js`): `<wsis-entry-editor>` and `<wsis-manage>`
 * with every language inside. Never part of the search widget's script.
 */
import { enEditor } from './i18n/en-editor.js';
import { enExtras } from './i18n/en-extras.js';
import { registerMessages } from './i18n/index.js';
import './i18n/all.js';
import './components/entry-editor/define.js';
import './components/manage/define.js';

registerMessages('en', { ...enExtras, ...enEditor });

export { WsisEntryEditor } from './components/entry-editor/define.js';
export { WsisManage } from './components/manage/define.js';
export { WriteClient, WriteError } from './data/write-client.js';
