/** Loads the map's geometry asset (dist/wsis-world.json, built by scripts/build-map.ts). */
import { nativeFetch } from '../../data/fetch-json.js';
import { scriptBase } from '../../internal/script-url.js';

export interface World {
  w: number;
  h: number;
  /** SVG path per ISO alpha-2 code. */
  c: Record<string, string>;
  /** Label point per code: keyboard order, and the place of a dot. */
  p: Record<string, [number, number]>;
  /** Codes drawn as dots (too small for the map's scale). */
  d: string[];
  /** Land without a code, drawn but not interactive. */
  x: string;
}

export const GEOMETRY_FILE = 'wsis-world.json';

/** The asset beside the widget script; the page itself when the code is not a classic script. */
export function defaultGeometryUrl(): string {
  return new URL(GEOMETRY_FILE, scriptBase()).href;
}

const CODE = /^[A-Z]{2}$/;
const PATH = /^[MmLlHhVvZz\d\s.,-]*$/;
const isNum = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Checks the shape and every value, so a wrong or tampered file is never half drawn. */
export function isWorld(value: unknown): value is World {
  if (!isRecord(value) || !isNum(value.w) || !isNum(value.h) || value.w <= 0 || value.h <= 0) return false;
  const { c, p, d, x } = value;
  if (!isRecord(c) || !isRecord(p) || !Array.isArray(d) || typeof x !== 'string' || !PATH.test(x)) return false;
  for (const [code, path] of Object.entries(c)) {
    if (!CODE.test(code) || typeof path !== 'string' || !PATH.test(path)) return false;
  }
  for (const [code, point] of Object.entries(p)) {
    if (!CODE.test(code) || !Array.isArray(point) || point.length !== 2 || !isNum(point[0]) || !isNum(point[1]))
      return false;
  }
  return d.every((code) => typeof code === 'string' && CODE.test(code) && Object.hasOwn(p, code));
}

const cache = new Map<string, Promise<World>>();

/** One request per URL for the whole page, however many maps ask; a failure may be retried later. */
export function loadWorld(url: string): Promise<World> {
  let pending = cache.get(url);
  if (!pending) {
    pending = (nativeFetch ?? fetch)(url, { credentials: 'omit', mode: 'cors' })
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json() as Promise<unknown>;
      })
      .then((json) => {
        if (!isWorld(json)) throw new Error('unexpected shape');
        return json;
      });
    pending.catch(() => cache.delete(url));
    cache.set(url, pending);
  }
  return pending;
}
