/** Adds the English strings of the lazily loaded parts; each of their elements imports it. */
import { enExtras } from './en-extras.js';
import { registerMessages } from './index.js';

registerMessages('en', enExtras);
