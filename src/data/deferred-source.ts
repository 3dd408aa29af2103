import type { Entry } from './entry.js';
import type { SearchParams } from './query.js';
import { SourceError, type DataSource, type SourceResponse } from './source.js';

/**
 * A source whose code loads on first use (static mode keeps MiniSearch and the worker client out
 * of the widget script). A failed load fails that request as a network error; the next one retries.
 */
export class DeferredSource implements DataSource {
  readonly #load: () => Promise<DataSource>;
  #source?: Promise<DataSource>;
  #loaded?: DataSource;
  #disposed = false;

  constructor(load: () => Promise<DataSource>) {
    this.#load = load;
  }

  async search(params: SearchParams, signal: AbortSignal): Promise<SourceResponse> {
    return (await this.#get()).search(params, signal);
  }

  async getEntry(id: string, signal: AbortSignal): Promise<Entry> {
    return (await this.#get()).getEntry(id, signal);
  }

  dispose(): void {
    this.#disposed = true;
    this.#loaded?.dispose?.();
  }

  #get(): Promise<DataSource> {
    this.#source ??= this.#load().catch((error: unknown) => {
      this.#source = undefined;
      throw error instanceof SourceError
        ? error
        : new SourceError('network', `The static search could not be loaded (${String(error)})`);
    });
    return this.#source.then((source) => {
      if (this.#disposed && this.#loaded !== source) source.dispose?.();
      this.#loaded = source;
      return source;
    });
  }
}
