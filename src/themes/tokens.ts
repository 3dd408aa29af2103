/**
 * Per-organization themes are data: token values checked one by one and set through the CSSOM,
 * never written into a stylesheet, so a bad value cannot inject CSS.
 */
const COLOR = 'color';
const LENGTH = 'width';

export const TOKENS: Readonly<Record<string, string>> = {
  'color-primary': COLOR,
  'color-on-primary': COLOR,
  'color-surface': COLOR,
  'color-surface-alt': COLOR,
  'color-text': COLOR,
  'color-muted': COLOR,
  'color-border': COLOR,
  'color-error': COLOR,
  'color-highlight': COLOR,
  'color-on-highlight': COLOR,
  'focus-ring-color': COLOR,
  'focus-ring-width': LENGTH,
  'font-family': 'font-family',
  'font-size': 'font-size',
  radius: 'border-radius',
  space: LENGTH,
  'map-0': COLOR,
  'map-1': COLOR,
  'map-2': COLOR,
  'map-3': COLOR,
  'map-4': COLOR,
  'map-5': COLOR,
};

/** Rejects anything that could escape a declaration or fetch a resource. */
const UNSAFE = /[;{}<>\\]|url\s*\(|image\s*\(|@import|expression\s*\(|var\s*\(|attr\s*\(/i;

export function isValidToken(name: string, value: unknown): value is string {
  const property = Object.hasOwn(TOKENS, name) ? TOKENS[name] : undefined;
  if (!property || typeof value !== 'string') return false;
  const v = value.trim();
  if (!v || v.length > 200 || UNSAFE.test(v)) return false;
  // The focus ring must stay visible whatever the theme.
  if (name === 'focus-ring-color' && /transparent|rgba|hsla|#[0-9a-f]{8}\b|#[0-9a-f]{4}\b|\/|none/i.test(v))
    return false;
  return typeof CSS !== 'undefined' && CSS.supports(property, v);
}

/** Applies valid tokens to the element; warns once per call about the rest. Returns the applied names. */
export function applyTokens(
  el: HTMLElement,
  tokens: Record<string, unknown>,
  previous: readonly string[] = [],
): string[] {
  for (const name of previous) el.style.removeProperty(`--wsis-${name}`);
  const applied: string[] = [];
  const rejected: string[] = [];
  for (const [name, value] of Object.entries(tokens)) {
    if (isValidToken(name, value)) {
      el.style.setProperty(`--wsis-${name}`, value.trim());
      applied.push(name);
    } else {
      rejected.push(`${name}=${JSON.stringify(value)}`.slice(0, 120));
    }
  }
  if (rejected.length) {
    console.warn(
      `wsis-stocktaking: ignored theme tokens ${rejected.join(', ')}. ` +
        `Allowed tokens: ${Object.keys(TOKENS).join(', ')}, each a plain CSS value of its kind (colour, length or font).`,
    );
  }
  return applied;
}

/** Parses the `tokens` attribute (JSON object); a parse error is reported, not thrown. */
export function parseTokens(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through to the warning
  }
  console.warn('wsis-stocktaking: the "tokens" attribute must be a JSON object such as {"color-primary":"#005a9e"}.');
  return {};
}
