/**
 * The geometry of `<wsis-country-map>` (world/world.json beside this module, written by
 * scripts/build-map.ts before the build): its shape, its check and its one fetch per page.
 */
import { abortedError, nativeFetch } from './fetch-json.js';

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

/** The geometry the build ships: a content-hashed asset beside the chunk that holds this module. */
export function defaultWorldUrl(): string {
  return new URL('./world/world.json', import.meta.url).href;
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

interface Load {
  world: Promise<World>;
  controller: AbortController;
  /** Callers still waiting; the request is aborted only when every one of them has given up. */
  waiting: number;
  settled: boolean;
}

const cache = new Map<string, Load>();

function start(url: string): Load {
  const controller = new AbortController();
  const world = (nativeFetch ?? fetch)(url, { credentials: 'omit', mode: 'cors', signal: controller.signal })
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json() as Promise<unknown>;
    })
    .then((json) => {
      if (!isWorld(json)) throw new Error('unexpected shape');
      return json;
    });
  const load: Load = { world, controller, waiting: 0, settled: false };
  world.then(
    () => (load.settled = true),
    () => {
      load.settled = true;
      if (cache.get(url) === load) cache.delete(url);
    },
  );
  cache.set(url, load);
  return load;
}

/**
 * One request per URL for the whole page, however many maps ask; a failure may be retried later.
 * Aborting `signal` rejects this caller's promise at once, and aborts the request once no caller
 * is left waiting for it.
 */
export function loadWorld(url: string, signal?: AbortSignal): Promise<World> {
  if (signal?.aborted) return Promise.reject(abortedError());
  const load = cache.get(url) ?? start(url);
  load.waiting++;
  if (!signal) return load.world;
  return new Promise<World>((resolve, reject) => {
    const onAbort = () => {
      reject(abortedError());
      if (--load.waiting > 0 || load.settled) return;
      load.controller.abort();
      if (cache.get(url) === load) cache.delete(url);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    load.world.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
