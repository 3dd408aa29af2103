/** The widget script's matcher: dist/wsis-suggest.js beside it, loaded as a classic script. */
import { loadScript } from '../../internal/load-script.js';
import { scriptBase } from '../../internal/script-url.js';
import { SUGGEST_KEY, type MatcherFactory } from './matcher.js';

const registered = () => {
  const factory = (globalThis as Record<symbol, unknown>)[SUGGEST_KEY];
  return typeof factory === 'function' ? (factory as MatcherFactory) : undefined;
};

export async function loadMatcherFactory(): Promise<MatcherFactory> {
  const url = new URL('wsis-suggest.js', scriptBase()).href;
  if (!registered()) await loadScript(url);
  const factory = registered();
  if (!factory) throw new Error(`${url} did not provide the suggestions`);
  return factory;
}
