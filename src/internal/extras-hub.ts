import type { StaticSource } from '../data/static/static-source.js';

/** What dist/wsis-extras-<version>.js hands back to the widget script besides its elements. */
export interface Extras {
  StaticSource: typeof StaticSource;
}

let provided: Extras | undefined;
let loader: (() => Promise<void>) | undefined;
let pending: Promise<Extras> | undefined;
let failed = false;
const listeners = new Set<() => void>();

/** Called by the extras script when it runs. */
export function provideExtras(extras: Extras): void {
  provided = extras;
}

/** Set by the widget script: how to (re)load the extras script. */
export function setExtrasLoader(load: () => Promise<void>): void {
  loader = load;
}

/** Resolves once the extras script has run; after a failed load the next call tries again. */
export function whenExtras(): Promise<Extras> {
  if (provided) return Promise.resolve(provided);
  pending ??= (loader ? loader() : Promise.reject(new Error('No loader for the extras script')))
    .then(() => {
      if (!provided) throw new Error('The extras script ran but registered nothing');
      settle(false);
      return provided;
    })
    .catch((error: unknown) => {
      settle(true);
      throw error;
    })
    .finally(() => {
      pending = undefined;
    });
  return pending;
}

/** Whether the last attempt to load the extras script failed (the widget then says so). */
export function extrasFailed(): boolean {
  return failed;
}

export function onExtrasSettled(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function settle(failure: boolean): void {
  failed = failure;
  for (const listener of listeners) listener();
}
