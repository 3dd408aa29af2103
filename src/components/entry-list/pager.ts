import { html, nothing } from 'lit';
import { formatNumber, t, type Lang } from '../../i18n/index.js';

export type PageItem = number | 'gap';

/** First, last and the pages next to the current one, with gaps: 1 … 4 5 6 … 20. */
export function pageWindow(current: number, last: number, around = 1): PageItem[] {
  const pages = new Set([1, last]);
  for (let p = current - around; p <= current + around; p++) if (p >= 1 && p <= last) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const out: PageItem[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1] === 2) out.push(p - 1);
    else if (i > 0 && p - sorted[i - 1] > 2) out.push('gap');
    out.push(p);
  });
  return out;
}

/** Page buttons; `go` is called with the chosen page. */
export function renderPager(lang: Lang, current: number, last: number, go: (page: number) => void) {
  if (last <= 1) return nothing;
  const button = (page: number, label: string, content: unknown, disabled = false) =>
    html`<button type="button" class="page" aria-label=${label} ?disabled=${disabled} @click=${() => go(page)}>
      ${content}
    </button>`;
  return html`<nav class="pager" aria-label=${t(lang, 'results.pages')}>
    <ul>
      <li>
        ${button(current - 1, t(lang, 'results.previous'), html`<span class="arrow" aria-hidden="true">‹</span>`, current <= 1)}
      </li>
      ${pageWindow(current, last).map((item) =>
        item === 'gap'
          ? html`<li class="gap" aria-hidden="true">…</li>`
          : html`<li>
              <button
                type="button"
                class="page"
                aria-label=${t(lang, 'results.page', { n: item })}
                aria-current=${item === current ? 'page' : nothing}
                @click=${() => go(item)}
              >
                ${formatNumber(lang, item)}
              </button>
            </li>`,
      )}
      <li>
        ${button(current + 1, t(lang, 'results.next'), html`<span class="arrow" aria-hidden="true">›</span>`, current >= last)}
      </li>
    </ul>
  </nav>`;
}
