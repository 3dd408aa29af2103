import type { Lang } from '../../i18n/index.js';

export interface WsisLangChangeDetail {
  lang: Lang;
}
export interface WsisSessionDetail {
  /** The signed-in account's name; undefined after signing out. */
  account?: string;
}

declare global {
  interface WsisEventMap {
    'wsis-lang-change': CustomEvent<WsisLangChangeDetail>;
    'wsis-session': CustomEvent<WsisSessionDetail>;
  }
}

export {};
