import { ApiSource } from './api-source.js';
import { SourceError, type DataSource } from './source.js';
import { DeferredSource } from './deferred-source.js';
import { loadStaticSource } from './load-static-source.js';

/** The widget's `api` attribute selects the server client, `src` the static file; exactly one is allowed. */
export function createSource({ api, src }: { api?: string; src?: string }): DataSource {
  const hasApi = !!api?.trim();
  const hasSrc = !!src?.trim();
  if (hasApi && hasSrc) {
    throw new SourceError(
      'invalid_parameter',
      'Set either "api" (a search API URL) or "src" (a static JSON file), not both',
    );
  }
  if (hasApi) return new ApiSource(api!.trim());
  if (hasSrc) {
    const url = src!.trim();
    return new DeferredSource(() => loadStaticSource().then((StaticSource) => new StaticSource(url)));
  }
  throw new SourceError('invalid_parameter', 'Set "api" to a search API URL or "src" to a static JSON file');
}
