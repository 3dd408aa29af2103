import type { SavedAction } from '../../state/editor-store.js';

export interface WsisEntrySavedDetail {
  id: string;
  revision: number;
  /** What was saved: the form (`update`), an archive, showing it again (`unarchive`) or an earlier revision (`restore`). */
  action: SavedAction;
  archived: boolean;
}
export interface WsisEntryConflictDetail {
  id: string;
}

declare global {
  interface WsisEventMap {
    'wsis-entry-saved': CustomEvent<WsisEntrySavedDetail>;
    'wsis-entry-conflict': CustomEvent<WsisEntryConflictDetail>;
  }
}

export {};
