/** `npm run bench:relevance`: the judged relevance set alone (also a section of `npm run bench`). */
import { benchRelevance, formatRelevance } from './measure.js';

console.log(formatRelevance(await benchRelevance()).join('\n'));
