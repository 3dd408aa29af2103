/**
 * Entry of dist/wsis-suggest.js, which the widget script loads on first use of the search box.
 * No exports: the IIFE build must not add a page global; the factory goes under a symbol instead.
 */
import { createMatcher } from './fuzzy.js';
import { SUGGEST_KEY } from './matcher.js';

if (!Object.prototype.hasOwnProperty.call(globalThis, SUGGEST_KEY)) {
  Object.defineProperty(globalThis, SUGGEST_KEY, {
    value: createMatcher,
    configurable: true,
    enumerable: false,
    writable: false,
  });
}
