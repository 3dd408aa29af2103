import { en, type MessageKey, type Messages } from './en.js';
import { format, type MessageParams } from './format.js';

export { formatNumber } from './format.js';
export type { MessageKey, Messages };

export const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Lang = (typeof LANGS)[number];

/** Catalogues by language; English is built in, the others register themselves. */
const catalogues: Partial<Record<Lang, Partial<Messages>>> = { en };

export function registerMessages(lang: Lang, messages: Partial<Messages>): void {
  catalogues[lang] = messages;
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

export function t(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const message = catalogues[lang]?.[key] ?? en[key] ?? key;
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
