import { html } from 'lit';
import type { Entry } from '../../data/entry.js';
import { t, type Lang } from '../../i18n/index.js';
import { excerptAround, splitMarks, type MarkFinder, type TextPart } from './excerpt.js';
import type { HeadingLevel } from './heading.js';
import { actionLineName, actionLineShort, countriesText, sdgName, statusText, yearsText } from '../shared/format.js';

/** Lit parts, never an HTML string: every piece of data is bound as text. */
export const marked = (parts: TextPart[]) => parts.map((p) => (p.mark ? html`<mark>${p.text}</mark>` : p.text));

/** Tag names cannot be bound, so one template per level. */
function titleHeading(level: HeadingLevel, content: unknown) {
  switch (level) {
    case 2:
      return html`<h2 class="title">${content}</h2>`;
    case 3:
      return html`<h3 class="title">${content}</h3>`;
    case 4:
      return html`<h4 class="title">${content}</h4>`;
    case 5:
      return html`<h5 class="title">${content}</h5>`;
    default:
      return html`<h6 class="title">${content}</h6>`;
  }
}

/** One result. `open` is called with the entry when its title is activated. */
export function renderItem(
  lang: Lang,
  entry: Entry,
  index: number,
  terms: readonly string[],
  open: (entry: Entry) => void,
  level: HeadingLevel = 3,
  find?: MarkFinder,
) {
  const highlight = (text: string) => splitMarks(text, terms, find);
  const summary = excerptAround(entry.description, terms, find);
  const button = html`<button
    type="button"
    class="open"
    dir="auto"
    aria-haspopup="dialog"
    data-index=${index}
    @click=${() => open(entry)}
  >
    ${marked(highlight(entry.title))}
  </button>`;
  return html`<li class="entry" part="entry">
    ${titleHeading(level, button)}
    <p class="org" dir="auto">${marked(highlight(entry.organization))}</p>
    <p class="countries">${countriesText(lang, entry)}</p>
    <ul class="chips" aria-label=${t(lang, 'entry.actionLines')}>
      ${entry.actionLines.map(
        (id) =>
          html`<li class="chip" title=${actionLineName(lang, id)}>
            <span aria-hidden="true">${actionLineShort(lang, id)}</span>
            <span class="visually-hidden">${id}: ${actionLineName(lang, id)}</span>
          </li>`,
      )}
    </ul>
    ${
      entry.sdgs.length
        ? html`<ul class="badges" aria-label=${t(lang, 'entry.sdgs')}>
            ${entry.sdgs.map(
              (n) =>
                html`<li class="badge sdg-${n}" title=${sdgName(lang, n)}>
                  <span aria-hidden="true">${t(lang, 'sdg.short', { n })}</span>
                  <span class="visually-hidden">${t(lang, 'sdg.short', { n })}: ${sdgName(lang, n)}</span>
                </li>`,
            )}
          </ul>`
        : ''
    }
    ${summary ? html`<p class="excerpt" dir="auto">${marked(highlight(summary))}</p>` : ''}
    <p class="meta">
      <span class="years">${yearsText(lang, entry)}</span>
      <span class="status status-${entry.status}">${statusText(lang, entry.status)}</span>
    </p>
  </li>`;
}
