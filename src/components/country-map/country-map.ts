import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { regionOf } from '../../data/countries.js';
import { INTERNATIONAL, REGIONS } from '../../data/vocabulary.js';
import { countryName, formatNumber, type Lang, registerMessages, t } from '../../i18n/index.js';
import { enFilters } from '../../i18n/en-filters.js';
import { enMap } from '../../i18n/en-map.js';
import { WsisElement } from '../../internal/wsis-element.js';
import { baseStyles } from '../../themes/base.styles.js';
import { countryMapStyles } from './country-map.styles.js';
import { defaultWorldUrl, loadWorld, type World } from '../../data/world.js';
import { GeoOrder, TypeAhead } from './keyboard.js';
import { colourScale, type ColourScale } from './scale.js';

registerMessages('en', { ...enFilters, ...enMap });

type SortKey = 'country' | 'region' | 'count';
type SortDir = 'ascending' | 'descending';

const EMPTY: Readonly<Record<string, number>> = Object.freeze({});
/** Loads the geometry this far before the map scrolls into view. */
const LOOKAHEAD = '200px';

/** A given URL against the page; one that cannot be parsed is kept as written, so loading it reports the error. */
const givenUrl = (url: string | undefined): string | undefined => {
  if (!url) return undefined;
  try {
    return new URL(url, document.baseURI).href;
  } catch {
    return url;
  }
};
const resolveUrl = (url: string | undefined): string => givenUrl(url) ?? defaultWorldUrl();

/** What render needs from the store, recomputed only when its inputs change. */
interface Derived {
  counts: Readonly<Record<string, number>>;
  selected: ReadonlySet<string>;
  scale: ColourScale;
  order?: GeoOrder;
  /** Navigable codes sorted by name, for type-ahead; computed on first use. */
  byName(): string[];
}

/**
 * The "Global View": a choropleth of entries per country that filters the search.
 *
 * The map's code and its geometry (`wsis-world-<hash>.json`, shipped with the build) load once, when the
 * map is about to scroll into view. A table view with the same filters is always available.
 *
 * @summary World map and table of entries per country; click, Enter or Space toggles a country filter.
 *
 * @attr for - The id of the `<wsis-stocktaking>` to link to, when not placed inside it.
 * @attr geometry-url - Where to load the geometry from (a file built by scripts/build-map.ts); defaults to the copy shipped with the build.
 *
 * @csspart regions - The ITU region and International buttons.
 * @csspart map - The focusable map (one tab stop).
 * @csspart legend - The colour legend.
 * @csspart table - The scrolling table view.
 * @csspart selected - The list of selected countries.
 *
 * @cssproperty --wsis-map-0 - Fill of countries with no entries.
 * @cssproperty --wsis-map-1 - Fill of the lowest class; up to --wsis-map-5 for the highest.
 * @cssproperty --wsis-map-2
 * @cssproperty --wsis-map-3
 * @cssproperty --wsis-map-4
 * @cssproperty --wsis-map-5
 * @cssproperty --wsis-map-border - Country borders.
 * @cssproperty --wsis-map-selected - Outline and hatching of selected countries.
 * @cssproperty --wsis-map-water - Background behind the map.
 *
 * @fires - None of its own: filters go through the linked search, which fires `wsis-search`.
 */
export class WsisCountryMap extends WsisElement {
  static override styles = [baseStyles, countryMapStyles];

  /** Overrides where the geometry is loaded from (CDN mirrors, tests). */
  @property({ attribute: 'geometry-url' }) geometryUrl?: string;

  /** Set when the map comes near the viewport: until then there is no geometry to load. */
  @state() protected near = false;
  @state() protected tableView = false;
  @state() protected hovered?: string;
  @state() protected active?: string;
  @state() protected focused = false;
  @state() protected announcement = '';
  @state() protected sortKey: SortKey = 'count';
  @state() protected sortDir: SortDir = 'descending';

  private observer?: IntersectionObserver;
  private typeAhead = new TypeAhead(500);
  private derived?: Derived;
  private derivedFrom: unknown[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.watch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    this.observer = undefined;
    this.typeAhead.reset();
  }

  /**
   * The geometry of the resolved URL, once the map is near. A new URL aborts the load under way (its
   * request too, when no other map waits for it), so an older file is never drawn over a newer one.
   */
  private geometry = new Task(this, {
    task: ([url], { signal }) => (url ? loadWorld(url, signal) : initialState),
    args: () => [this.near ? resolveUrl(this.geometryUrl) : undefined] as const,
  });

  /** The drawn geometry: that of the last finished load, never of an older URL. */
  private get world(): World | undefined {
    return this.geometry.status === TaskStatus.COMPLETE ? this.geometry.value : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A new file waits, like the first, until the map is near the viewport.
    if (changed.has('geometryUrl') && givenUrl(changed.get('geometryUrl')) !== givenUrl(this.geometryUrl)) {
      this.near = false;
    }
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.watch();
  }

  /** Waits until the map area is near the viewport; hidden or detached maps never load. */
  private watch(): void {
    if (this.near || this.observer || !this.isConnected) return;
    const stage = this.renderRoot.querySelector('.stage');
    if (!stage) return;
    if (typeof IntersectionObserver === 'undefined') {
      this.near = true;
      return;
    }
    this.observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.observer?.disconnect();
        this.observer = undefined;
        this.near = true;
      },
      { rootMargin: LOOKAHEAD },
    );
    this.observer.observe(stage);
  }

  private derive(lang: Lang): Derived {
    const state = this.store?.state;
    const counts = state?.facets.country ?? EMPTY;
    const chosen = state?.filters.country;
    const rtl = this.localize.dir === 'rtl';
    const inputs = [counts, chosen, this.world, lang];
    if (this.derived && inputs.every((v, i) => v === this.derivedFrom[i])) return this.derived;
    const selected = new Set(chosen ?? []);
    const countries = Object.entries(counts).filter(([code]) => code !== INTERNATIONAL);
    const scale = colourScale(countries.map(([, n]) => n));
    const world = this.world;
    const navigable = world ? Object.keys(world.p).filter((code) => (counts[code] ?? 0) > 0 || selected.has(code)) : [];
    const order = world ? new GeoOrder(navigable, world.p, world.h, rtl) : undefined;
    let sorted: string[] | undefined;
    const byName = () => {
      if (sorted) return sorted;
      const collator = new Intl.Collator(lang);
      return (sorted = navigable
        .map((code) => [code, countryName(lang, code)] as const)
        .sort((a, b) => collator.compare(a[1], b[1]))
        .map(([code]) => code));
    };
    this.derivedFrom = inputs;
    return (this.derived = { counts, selected, scale, order, byName });
  }

  private toggle(code: string): void {
    // Outside the page's scope a country is shown but cannot be chosen.
    if (this.store?.allows('country', code) === false) return;
    this.store?.toggleFilter('country', code);
  }

  private describe(lang: Lang, code: string, counts: Readonly<Record<string, number>>, selected: boolean): string {
    const text = t(lang, 'map.countryCount', { country: countryName(lang, code), n: counts[code] ?? 0 });
    return selected ? `${text}, ${t(lang, 'map.selectedState')}` : text;
  }

  private moveTo(code: string | undefined, lang: Lang, derived: Derived): void {
    if (!code) return;
    this.active = code;
    this.announcement = this.describe(lang, code, derived.counts, derived.selected.has(code));
  }

  private onKeydown(e: KeyboardEvent): void {
    const lang = this.localize.lang;
    const derived = this.derive(lang);
    const order = derived.order;
    if (!order || e.altKey || e.ctrlKey || e.metaKey) return;
    const rtl = this.localize.dir === 'rtl';
    const current = order.has(this.active) ? this.active : undefined;
    let target: string | undefined;
    switch (e.key) {
      case 'ArrowRight':
        target = order.step(current, rtl ? -1 : 1);
        break;
      case 'ArrowLeft':
        target = order.step(current, rtl ? 1 : -1);
        break;
      case 'ArrowDown':
        target = order.vertical(current, 1);
        break;
      case 'ArrowUp':
        target = order.vertical(current, -1);
        break;
      case 'Home':
        target = order.first();
        break;
      case 'End':
        target = order.last();
        break;
      case 'Enter':
      case ' ':
        if (e.key === ' ' && this.typeAhead.active) {
          target = this.typeAhead.type(' ', derived.byName(), (c) => countryName(lang, c), lang, current);
          break;
        }
        e.preventDefault();
        if (current) {
          const on = !derived.selected.has(current);
          this.toggle(current);
          this.announcement = this.describe(lang, current, derived.counts, on);
        }
        return;
      default:
        if (e.key.length !== 1 || !/\S/u.test(e.key)) return;
        target = this.typeAhead.type(e.key, derived.byName(), (c) => countryName(lang, c), lang, current);
    }
    e.preventDefault();
    this.moveTo(target, lang, derived);
  }

  private onFocus(): void {
    this.focused = true;
    const derived = this.derive(this.localize.lang);
    if (derived.order && !derived.order.has(this.active)) {
      this.active = [...derived.selected].find((code) => derived.order!.has(code)) ?? derived.order.first();
    }
  }

  private codeAt(e: Event): string | undefined {
    const el = (e.target as Element | null)?.closest?.('[data-c]');
    return el?.getAttribute('data-c') ?? undefined;
  }

  private onClick(e: MouseEvent): void {
    const code = this.codeAt(e);
    if (!code) return;
    this.active = code;
    this.toggle(code);
  }

  private onPointer(e: PointerEvent): void {
    this.hovered = e.type === 'pointerout' ? undefined : this.codeAt(e);
  }

  private sortBy(key: SortKey): void {
    if (this.sortKey === key) this.sortDir = this.sortDir === 'ascending' ? 'descending' : 'ascending';
    else [this.sortKey, this.sortDir] = [key, key === 'count' ? 'descending' : 'ascending'];
  }

  protected override render() {
    const lang = this.localize.lang;
    const derived = this.derive(lang);
    const state = this.store?.state;
    const regionCounts = state?.facets.region ?? EMPTY;
    const regionFilter = state?.filters.region ?? [];
    const intl = derived.selected.has(INTERNATIONAL);
    return html`
      <div class="wrap" dir=${this.localize.dir}>
        <div class="toolbar">
          <div class="regions" role="group" aria-label=${t(lang, 'facet.region')} part="regions">
            ${REGIONS.filter((region) => this.store?.allows('region', region) ?? true).map(
              (region) =>
                html`<button
                  type="button"
                  data-region=${region}
                  aria-pressed=${regionFilter.includes(region) ? 'true' : 'false'}
                  @click=${() => this.store?.toggleFilter('region', region)}
                >
                  ${t(lang, `region.${region}`)} <span class="n">${formatNumber(lang, regionCounts[region] ?? 0)}</span>
                </button>`,
            )}
            ${
              this.store?.allows('country', INTERNATIONAL) === false
                ? nothing
                : html`<button
                    type="button"
                    class="intl"
                    aria-pressed=${intl ? 'true' : 'false'}
                    @click=${() => this.toggle(INTERNATIONAL)}
                  >
                    ${t(lang, 'map.international')}
                    <span class="n">${formatNumber(lang, derived.counts[INTERNATIONAL] ?? 0)}</span>
                  </button>`
            }
          </div>
          <button
            type="button"
            class="toggle"
            aria-pressed=${this.tableView ? 'true' : 'false'}
            @click=${() => (this.tableView = !this.tableView)}
          >
            ${t(lang, 'map.table')}
          </button>
        </div>
        <div class="stage ${this.world ? '' : 'pending'}" ?hidden=${this.tableView}>
          ${this.geometry.render({
            initial: () => this.renderLoading(lang),
            pending: () => this.renderLoading(lang),
            complete: (world) => this.renderMap(lang, world, derived),
            error: () => html`<p class="error">${t(lang, 'map.loadError')}</p>`,
          })}
        </div>
        ${this.tableView ? this.renderTable(lang, derived) : nothing} ${this.renderSelected(lang, derived)}
        <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      </div>
    `;
  }

  private renderLoading(lang: Lang) {
    return html`<p>${t(lang, 'map.loading')}</p>`;
  }

  private renderMap(lang: Lang, world: World, derived: Derived) {
    const { counts, selected, scale } = derived;
    const cls = (code: string) => `c${scale.classOf(counts[code] ?? 0)}`;
    const shown = this.hovered ?? (this.focused ? this.active : undefined);
    const overlay = (code: string, className: string, fill?: string) => {
      const d = world.c[code];
      if (d) return svg`<path class=${className} d=${d} fill=${fill ?? 'none'}></path>`;
      const p = world.p[code];
      return p
        ? svg`<circle class=${className} cx=${p[0]} cy=${p[1]} r="4.5" fill=${fill ?? 'none'}></circle>`
        : nothing;
    };
    return html`
      <p class="info" aria-hidden="true">
        ${shown ? this.describe(lang, shown, counts, selected.has(shown)) : nothing}
      </p>
      <div
        class="map"
        part="map"
        tabindex="0"
        role="group"
        aria-label=${t(lang, 'map.label')}
        aria-describedby="instructions"
        @keydown=${this.onKeydown}
        @focus=${this.onFocus}
        @blur=${() => (this.focused = false)}
        @click=${this.onClick}
        @pointerover=${this.onPointer}
        @pointerout=${this.onPointer}
      >
        <svg viewBox="0 0 ${world.w} ${world.h}" aria-hidden="true" focusable="false">
          <defs>
            <pattern
              id="hatch"
              class="hatch"
              width="5"
              height="5"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <line class="halo" x1="0" y1="0" x2="0" y2="5"></line>
              <line x1="0" y1="0" x2="0" y2="5"></line>
            </pattern>
          </defs>
          ${world.x ? svg`<path class="x" d=${world.x}></path>` : nothing}
          ${Object.keys(world.c).map((code) => svg`<path class="k ${cls(code)}" data-c=${code} d=${world.c[code]}></path>`)}
          ${world.d.map(
            (code) =>
              svg`<circle class="dot ${cls(code)}" data-c=${code} cx=${world.p[code][0]} cy=${world.p[code][1]} r="3"></circle>`,
          )}
          <g class="over">
            ${[...selected].map((code) => [overlay(code, 'halo'), overlay(code, 'sel', 'url(#hatch)')])}
            ${this.hovered ? overlay(this.hovered, 'hover') : nothing}
            ${this.active ? overlay(this.active, 'ring') : nothing}
          </g>
        </svg>
      </div>
      <span id="instructions" hidden>${t(lang, 'map.instructions')}</span>
      ${this.renderLegend(lang, scale)}
    `;
  }

  private renderLegend(lang: Lang, scale: ColourScale) {
    const range = (min: number, max: number) =>
      min === max ? formatNumber(lang, min) : `${formatNumber(lang, min)}–${formatNumber(lang, max)}`;
    return html`
      <div class="legend" part="legend">
        <span id="legend-title">${t(lang, 'map.legend')}</span>
        <ul aria-labelledby="legend-title">
          <li><span class="swatch c0"></span>${formatNumber(lang, 0)}</li>
          ${scale.classes.map((c) => html`<li><span class="swatch c${c.index}"></span>${range(c.min, c.max)}</li>`)}
        </ul>
      </div>
    `;
  }

  private renderTable(lang: Lang, derived: Derived) {
    const { counts, selected } = derived;
    const codes = new Set([...Object.keys(counts), ...selected]);
    codes.delete(INTERNATIONAL);
    const collator = new Intl.Collator(lang);
    const rows = [...codes].map((code) => {
      const region = regionOf(code);
      return {
        code,
        name: countryName(lang, code),
        region: region ? t(lang, `region.${region}`) : '',
        count: counts[code] ?? 0,
      };
    });
    const sign = this.sortDir === 'ascending' ? 1 : -1;
    const byKey = this.sortKey;
    rows.sort(
      (a, b) =>
        sign *
          (byKey === 'count'
            ? a.count - b.count
            : collator.compare(byKey === 'region' ? a.region : a.name, byKey === 'region' ? b.region : b.name)) ||
        collator.compare(a.name, b.name),
    );
    const header = (key: SortKey, label: string, className = '') =>
      html`<th scope="col" class=${className} aria-sort=${this.sortKey === key ? this.sortDir : 'none'}>
        <button type="button" data-sort=${key} @click=${() => this.sortBy(key)}>${label}</button>
      </th>`;
    // Headers over no rows say nothing; with no results, no country has entries.
    if (!rows.length)
      return html`<div class="table-wrap" part="table"><p class="empty">${t(lang, 'map.tableEmpty')}</p></div>`;
    return html`
      <div class="table-wrap" part="table">
        <table>
          <caption class="visually-hidden">
            ${t(lang, 'map.label')}
          </caption>
          <thead>
            <tr>
              <td></td>
              ${header('country', t(lang, 'map.country'))} ${header('region', t(lang, 'map.region'))}
              ${header('count', t(lang, 'map.count'), 'num')}
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (row) =>
                html`<tr data-c=${row.code}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label=${row.name}
                      .checked=${selected.has(row.code)}
                      @change=${() => this.toggle(row.code)}
                    />
                  </td>
                  <th scope="row">${row.name}</th>
                  <td>${row.region}</td>
                  <td class="num">${formatNumber(lang, row.count)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  private renderSelected(lang: Lang, derived: Derived) {
    const chosen = [...derived.selected];
    const label = (code: string) => (code === INTERNATIONAL ? t(lang, 'map.international') : countryName(lang, code));
    return html`
      <div class="selected" part="selected">
        <span id="selected-title">${t(lang, 'map.selected')}:</span>
        ${
          chosen.length
            ? html`<ul aria-labelledby="selected-title">
                ${chosen.map(
                  (code) =>
                    html`<li>
                      <button
                        type="button"
                        class="chip"
                        data-c=${code}
                        aria-label=${t(lang, 'filters.remove', { label: label(code) })}
                        @click=${() => this.toggle(code)}
                      >
                        ${label(code)} <span aria-hidden="true">×</span>
                      </button>
                    </li>`,
                )}
              </ul>`
            : html`<span>${t(lang, 'map.none')}</span>`
        }
      </div>
    `;
  }
}
