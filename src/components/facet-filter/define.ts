import { define } from '../../internal/define.js';
import { WsisFacetFilter } from './facet-filter.js';

define('wsis-facet-filter', WsisFacetFilter);

declare global {
  interface HTMLElementTagNameMap {
    'wsis-facet-filter': WsisFacetFilter;
  }
}

export { WsisFacetFilter };
