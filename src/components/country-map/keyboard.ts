/** Keyboard movement over the map: a geographic reading order, and type-ahead by name. */

/** About 15° of latitude at the map's scale: countries in one band read as one row. */
const BANDS = 12;

export type Point = readonly [number, number];

/**
 * Reading order: latitude bands north to south, each read west to east (east to west in RTL).
 * Left/Right walk this order, so every country is reachable; Up/Down jump to the nearest
 * country in the next band that has one.
 */
export class GeoOrder {
  readonly codes: readonly string[];
  private band = new Map<string, number>();
  private points: Readonly<Record<string, Point>>;
  private index = new Map<string, number>();

  constructor(codes: Iterable<string>, points: Readonly<Record<string, Point>>, height: number, rtl: boolean) {
    this.points = points;
    const bandHeight = height / BANDS;
    const list = [...codes].filter((code) => points[code]);
    for (const code of list) this.band.set(code, Math.floor(points[code][1] / bandHeight));
    const sign = rtl ? -1 : 1;
    list.sort(
      (a, b) =>
        this.band.get(a)! - this.band.get(b)! || sign * (points[a][0] - points[b][0]) || (a < b ? -1 : a > b ? 1 : 0),
    );
    this.codes = list;
    list.forEach((code, i) => this.index.set(code, i));
  }

  has(code: string | undefined): boolean {
    return code !== undefined && this.index.has(code);
  }

  first(): string | undefined {
    return this.codes[0];
  }

  last(): string | undefined {
    return this.codes[this.codes.length - 1];
  }

  /** One step along the reading order; stops at the ends. */
  step(from: string | undefined, delta: 1 | -1): string | undefined {
    const i = from === undefined ? undefined : this.index.get(from);
    if (i === undefined) return delta > 0 ? this.first() : this.last();
    return this.codes[Math.min(this.codes.length - 1, Math.max(0, i + delta))];
  }

  /** The nearest country (west–east) in the closest band north (-1) or south (1) that has one. */
  vertical(from: string | undefined, delta: 1 | -1): string | undefined {
    if (!this.has(from)) return delta > 0 ? this.first() : this.last();
    const band = this.band.get(from!)!;
    const x = this.points[from!][0];
    let best: string | undefined;
    let bestBand = Infinity;
    let bestDx = Infinity;
    for (const code of this.codes) {
      const b = this.band.get(code)!;
      const distance = (b - band) * delta;
      if (distance <= 0 || distance > bestBand) continue;
      const dx = Math.abs(this.points[code][0] - x);
      if (distance < bestBand || dx < bestDx) [best, bestBand, bestDx] = [code, distance, dx];
    }
    return best ?? from;
  }
}

const fold = (s: string, lang: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase(lang);

/**
 * Type-ahead as in listboxes: keys typed within the delay form a prefix; the same letter
 * typed again cycles through the countries that start with it.
 */
export class TypeAhead {
  private buffer = '';
  private timer?: ReturnType<typeof setTimeout>;

  constructor(readonly delay = 500) {}

  get active(): boolean {
    return this.buffer.length > 0;
  }

  /** Adds a key and returns the code to move to, if any name matches. */
  type(
    key: string,
    codes: readonly string[],
    name: (code: string) => string,
    lang: string,
    current: string | undefined,
  ): string | undefined {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.buffer = ''), this.delay);
    this.buffer += fold(key, lang);
    const buffer = this.buffer;
    const repeated = [...buffer].every((ch) => ch === buffer[0]);
    const start = Math.max(0, codes.indexOf(current ?? ''));
    // A new prefix may stay on the current country; a repeated letter moves on.
    const offset = repeated && buffer.length > 1 ? 1 : buffer.length > 1 ? 0 : 1;
    const matches = (prefix: string) => {
      for (let i = 0; i < codes.length; i++) {
        const code = codes[(start + offset + i) % codes.length];
        if (fold(name(code), lang).startsWith(prefix)) return code;
      }
      return undefined;
    };
    return matches(buffer) ?? (repeated ? matches(buffer[0]) : undefined);
  }

  reset(): void {
    clearTimeout(this.timer);
    this.buffer = '';
  }
}
