import { enCore } from './en-core.js';
import type { MessageKey, Messages } from './en.js';
import { format, type MessageParams } from './format.js';

export { formatNumber } from './format.js';
export type { MessageKey, Messages };

export const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Lang = (typeof LANGS)[number];

/** Catalogues by language; English is built in (the lazily loaded parts add theirs), the others register themselves. */
const catalogues: Partial<Record<Lang, Partial<Messages>>> = { en: { ...enCore } };

/** Adds to a language's catalogue; later keys win. */
export function registerMessages(lang: Lang, messages: Partial<Messages>): void {
  catalogues[lang] = { ...catalogues[lang], ...messages };
  for (const listener of listeners) listener();
}

type Loader = (lang: Lang) => Promise<unknown>;
let loader: Loader | undefined;
const requested = new Set<Lang>();
/** Languages whose catalogue could not be loaded: shown in English, not waited for. */
const failed = new Set<Lang>();
const listeners = new Set<() => void>();

/**
 * The script build keeps only English inside and fetches other catalogues on first use,
 * so a page pays only for the language it shows.
 */
export function setMessageLoader(load: Loader): void {
  loader = load;
}

/** Called whenever a catalogue arrives, so elements can re-render in that language. */
export function onMessages(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function request(lang: Lang): void {
  if (!loader || requested.has(lang)) return;
  requested.add(lang);
  loader(lang).then(
    (data) => {
      // Only string values under plain keys (letters, digits, `_`, `.`, `-` as in `actionLine.C7.e-health`)
      // are kept; keys unknown to English are never looked up.
      const messages: Record<string, string> = {};
      if (data && typeof data === 'object') {
        for (const [key, value] of Object.entries(data)) {
          if (typeof value === 'string' && /^[\w.-]+$/.test(key)) messages[key] = value;
        }
      }
      registerMessages(lang, messages);
    },
    (error: unknown) => {
      failed.add(lang);
      console.warn(`wsis-stocktaking: the ${lang} texts could not be loaded; showing English.`, error);
      for (const listener of listeners) listener();
    },
  );
}

export function isLang(value: string | null | undefined): value is Lang {
  return !!value && (LANGS as readonly string[]).includes(value);
}

/** Maps a BCP 47 tag such as `fr-CA` or `zh-Hans` to a supported language, or undefined. */
export function matchLang(tag: string | null | undefined): Lang | undefined {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return isLang(base) ? base : undefined;
}

/** The element's own `lang`, else the nearest `lang` up through shadow roots, else English. */
export function resolveLang(el: Element): Lang {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) {
      const lang = matchLang(node.getAttribute('lang'));
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return 'en';
}

export function dir(lang: Lang): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/**
 * Whether a language's texts are in (or will never come: no loader, or loading failed). Until then
 * the widget keeps its content hidden rather than show English on, say, an Arabic page.
 */
export function textsReady(lang: Lang): boolean {
  if (catalogues[lang] || !loader || failed.has(lang)) return true;
  request(lang);
  return false;
}

/** Whether English has this key (for keys built at run time). */
export function hasMessage(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalogues.en, key);
}

type LookupWatcher = (lang: Lang, key: MessageKey, own: boolean) => void;
let watcher: LookupWatcher | undefined;

/**
 * Reports every lookup and whether the language had its own text (false: English was shown).
 * For tests that prove no language falls back; call with nothing to stop.
 */
export function watchLookups(watch?: LookupWatcher): void {
  watcher = watch;
}

export function t(lang: Lang, key: MessageKey, params?: MessageParams): string {
  if (!catalogues[lang]) request(lang);
  const own = catalogues[lang]?.[key];
  watcher?.(lang, key, own !== undefined);
  const message = own ?? catalogues.en?.[key] ?? key;
  return format(lang, message, params);
}

const displayNames = new Map<string, Intl.DisplayNames | null>();

/** A country's name in the given language; the code itself if the browser has no name for it. */
export function countryName(lang: Lang, code: string): string {
  if (!displayNames.has(lang)) {
    try {
      displayNames.set(lang, new Intl.DisplayNames([lang], { type: 'region' }));
    } catch {
      displayNames.set(lang, null);
    }
  }
  try {
    return displayNames.get(lang)?.of(code) ?? code;
  } catch {
    return code;
  }
}
