/** Adds the English strings of the editor and the manage page; both elements import it. */
import { enEditor } from './en-editor.js';
import { registerMessages } from './index.js';

registerMessages('en', enEditor);
