import { enCore } from './en-core.js';
import { enEditor } from './en-editor.js';
import { enExtras } from './en-extras.js';

/**
 * English UI strings; the reference every other language must match key for key. The widget
 * script carries only `enCore`; `enExtras` arrives with the filters, map, export and detail;
 * `enEditor` belongs to the editor's own script.
 */
export const en = { ...enCore, ...enExtras, ...enEditor } as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
