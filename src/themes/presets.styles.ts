import { css, unsafeCSS } from 'lit';

type Tokens = Record<string, string>;

/** Named presets as token values; every pair of text and background meets WCAG AA contrast. */
export const PRESETS: Record<'default' | 'ungis' | 'dark' | 'high-contrast', Tokens> = {
  default: {},
  ungis: {
    'color-primary': '#00689d',
    'color-on-primary': '#ffffff',
    'color-surface-alt': '#eef6fb',
    'color-border': '#7a8a99',
    'focus-ring-color': '#00689d',
    radius: '2px',
  },
  dark: {
    'color-primary': '#8cc8ff',
    'color-on-primary': '#0b1c2c',
    'color-surface': '#14181d',
    'color-surface-alt': '#1f252c',
    'color-text': '#e9eef3',
    'color-muted': '#b3bdc8',
    'color-border': '#7d8996',
    'color-error': '#ff9b8f',
    'color-highlight': '#5a4a00',
    'color-on-highlight': '#ffffff',
    'focus-ring-color': '#ffd166',
  },
  'high-contrast': {
    'color-primary': '#ffff00',
    'color-on-primary': '#000000',
    'color-surface': '#000000',
    'color-surface-alt': '#000000',
    'color-text': '#ffffff',
    'color-muted': '#ffffff',
    'color-border': '#ffffff',
    'color-error': '#ff6e6e',
    'color-highlight': '#ffff00',
    'color-on-highlight': '#000000',
    'focus-ring-color': '#00ffff',
    'focus-ring-width': '3px',
  },
};

export const PRESET_NAMES = ['default', 'ungis', 'dark', 'high-contrast', 'auto'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

const declarations = (tokens: Tokens) =>
  Object.entries(tokens)
    .map(([name, value]) => `--wsis-${name}: ${value};`)
    .join(' ');

/** Presets set --wsis-* on the host, so a page's own rules for the element still win. Built from constants only. */
export const presetStyles = [
  unsafeCSS(`:host([theme='ungis']) { ${declarations(PRESETS.ungis)} }`),
  unsafeCSS(`:host([theme='dark']) { ${declarations(PRESETS.dark)} color-scheme: dark; }`),
  unsafeCSS(`:host([theme='high-contrast']) { ${declarations(PRESETS['high-contrast'])} color-scheme: dark; }`),
  unsafeCSS(
    `@media (prefers-color-scheme: dark) { :host([theme='auto']) { ${declarations(PRESETS.dark)} color-scheme: dark; } }`,
  ),
  css``,
];
