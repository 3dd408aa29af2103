import { html } from 'lit';
import type { Entry } from '../../data/entry.js';
import { t, type Lang } from '../../i18n/index.js';
import { excerpt, highlight, type TextPart } from './excerpt.js';
import { actionLineName, actionLineShort, countriesText, sdgName, statusText, yearsText } from './format.js';

/** Lit parts, never an HTML string: every piece of data is bound as text. */
export const marked = (parts: TextPart[]) => parts.map((p) => (p.mark ? html`<mark>${p.text}</mark>` : p.text));

/** One result. `open` is called with the entry when its title is activated. */
export function renderItem(
  lang: Lang,
  entry: Entry,
  index: number,
  terms: readonly string[],
  open: (entry: Entry) => void,
) {
  const summary = excerpt(entry.description, terms);
  return html`<li class="entry" part="entry">
    <h3 class="title">
      <button
        type="button"
        class="open"
        dir="auto"
        aria-haspopup="dialog"
        data-index=${index}
        @click=${() => open(entry)}
      >
        ${marked(highlight(entry.title, terms))}
      </button>
    </h3>
    <p class="org" dir="auto">${marked(highlight(entry.organization, terms))}</p>
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
    ${summary ? html`<p class="excerpt" dir="auto">${marked(highlight(summary, terms))}</p>` : ''}
    <p class="meta">
      <span class="years">${yearsText(lang, entry)}</span>
      <span class="status status-${entry.status}">${statusText(lang, entry.status)}</span>
    </p>
  </li>`;
}
