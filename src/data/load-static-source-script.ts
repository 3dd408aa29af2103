/** The widget script's static source: it arrives with dist/wsis-extras-<version>.js. */
import { whenExtras } from '../internal/extras-hub.js';
import type { StaticSource } from './static/static-source.js';

export const loadStaticSource = (): Promise<typeof StaticSource> => whenExtras().then((extras) => extras.StaticSource);
