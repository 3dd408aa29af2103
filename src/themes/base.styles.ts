import { css } from 'lit';
import { presetStyles } from './presets.styles.js';

/**
 * Shared by every component: design-token fallbacks, and a host that the page's own
 * CSS cannot reset (font, colour and line-height are set deliberately).
 *
 * Tokens (all optional, set on the element or any ancestor):
 * --wsis-color-primary, --wsis-color-on-primary, --wsis-color-surface, --wsis-color-surface-alt,
 * --wsis-color-text, --wsis-color-muted, --wsis-color-border, --wsis-color-error, --wsis-color-highlight, --wsis-color-on-highlight,
 * --wsis-font-family, --wsis-font-size, --wsis-radius, --wsis-space, --wsis-focus-ring-color, --wsis-focus-ring-width
 */
const hostStyles = css`
  :host {
    --_primary: var(--wsis-color-primary, #005a9e);
    --_on-primary: var(--wsis-color-on-primary, #ffffff);
    --_surface: var(--wsis-color-surface, #ffffff);
    --_surface-alt: var(--wsis-color-surface-alt, #f2f5f8);
    --_text: var(--wsis-color-text, #1b1f24);
    --_muted: var(--wsis-color-muted, #4a5562);
    --_border: var(--wsis-color-border, #8a96a3);
    --_error: var(--wsis-color-error, #b00020);
    --_highlight: var(--wsis-color-highlight, #fff1a8);
    --_on-highlight: var(--wsis-color-on-highlight, #1b1f24);
    --_radius: var(--wsis-radius, 4px);
    --_space: var(--wsis-space, 8px);
    --_focus: var(--wsis-focus-ring-color, #005a9e);
    --_focus-width: max(2px, var(--wsis-focus-ring-width, 2px));
    --_font-family: var(
      --wsis-font-family,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Noto Sans',
      Arial,
      sans-serif
    );
    --_font-size: var(--wsis-font-size, 16px);
    display: block;
    /* Holds the absolutely placed hidden texts: otherwise they escape a host's overflow: auto and stretch the page. */
    position: relative;
    box-sizing: border-box;
    color: var(--_text);
    background-color: var(--_surface);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    font-weight: 400;
    font-style: normal;
    line-height: 1.5;
    text-align: start;
    letter-spacing: normal;
    text-transform: none;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  /* The ring is drawn with outline and a shadow, so a theme that removes one keeps the other. */
  :focus-visible {
    outline: var(--_focus-width) solid var(--_focus) !important;
    outline-offset: 2px !important;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip: rect(0, 0, 0, 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight !important;
    }
  }
`;

/** Presets first, then the host rules that read their tokens. */
export const baseStyles = [...presetStyles, hostStyles];
