import { enCore } from './en-core.js';
import { enExtras } from './en-extras.js';

/**
 * English UI strings; the reference every other language must match key for key. The widget
 * script carries only `enCore`; `enExtras` arrives with the filters, map, export and detail.
 */
export const en = { ...enCore, ...enExtras } as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
