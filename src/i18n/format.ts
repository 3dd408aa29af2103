/**
 * A small formatter for the subset of ICU messages the widget uses:
 * `{name}` and `{n, plural, =0 {…} one {# …} other {# …}}`, with Intl plural rules and numbers.
 */
export type MessageParams = Record<string, string | number>;

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(lang: string, n: number): string {
  let f = numberFormats.get(lang);
  if (!f) numberFormats.set(lang, (f = new Intl.NumberFormat(lang)));
  return f.format(n);
}

function pluralCategory(lang: string, n: number): string {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules.select(n);
}

/** Finds the matching close brace, honouring nesting. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function plural(lang: string, body: string, n: number): string {
  const options = new Map<string, string>();
  const re = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(body))) {
    const open = match.index + match[0].length - 1;
    const end = closing(body, open);
    if (end < 0) break;
    options.set(match[1], body.slice(open + 1, end));
    re.lastIndex = end + 1;
  }
  const chosen = options.get(`=${n}`) ?? options.get(pluralCategory(lang, n)) ?? options.get('other') ?? '';
  return chosen.replace(/#/g, formatNumber(lang, n));
}

export function format(lang: string, message: string, params: MessageParams = {}): string {
  let out = '';
  let i = 0;
  while (i < message.length) {
    const open = message.indexOf('{', i);
    if (open < 0) break;
    const end = closing(message, open);
    if (end < 0) break;
    out += message.slice(i, open);
    const inner = message.slice(open + 1, end);
    const [name, kind, ...rest] = inner.split(',');
    const value = params[name.trim()];
    if (kind?.trim() === 'plural' && typeof value === 'number') {
      out += format(lang, plural(lang, rest.join(','), value), params);
    } else if (value !== undefined) {
      out += typeof value === 'number' ? formatNumber(lang, value) : value;
    } else {
      out += message.slice(open, end + 1);
    }
    i = end + 1;
  }
  return out + message.slice(i);
}
