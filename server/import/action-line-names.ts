/**
 * Action lines as ITU writes them: ids ("C7.e-health"), headings ("C7. ICT APPLICATIONS: E-HEALTH",
 * "C1. THE ROLE OF GOVERNMENTS AND ALL STAKEHOLDERS…") and prize categories
 * ("Category 9 — AL C7. ICT applications: benefits in all aspects of life — E-learning"), in any case.
 */
import { ACTION_LINES, ACTION_LINE_NAMES, C7_SUBLINES, type ActionLine } from '../../src/data/vocabulary.js';
import { nameKey } from './names.js';

const BY_ID = new Map<string, ActionLine>(ACTION_LINES.map((id) => [id.toLowerCase(), id]));

/** "e health" → C7.e-health: the sub-line's word after "e". */
const SUBLINE_BY_WORD = new Map<string, ActionLine>(C7_SUBLINES.map((id) => [id.slice('C7.e-'.length), id]));

/** Names without a code: ours, and ITU's older wording of C1 and C7. */
const BY_NAME = new Map<string, ActionLine>([
  ...ACTION_LINES.map((id) => [nameKey(ACTION_LINE_NAMES[id]), id] as const),
  [nameKey('The role of governments and all stakeholders in the promotion of ICTs for development'), 'C1'],
  [nameKey('ICT applications'), 'C7'],
]);

/** Wording around the code that says nothing about which line it is. */
const NOISE = /^category \d+ |\bal\b|\bict applications\b|\bbenefits in all aspects of life\b/g;

export function resolveActionLine(text: string): ActionLine | undefined {
  const id = BY_ID.get(text.trim().toLowerCase());
  if (id) return id;
  // Shaped like an id but not one ("C7.e-foo"): not a guess at the nearest line.
  if (/^c\d+\.\S+$/i.test(text.trim())) return undefined;
  const key = nameKey(text);
  const code = key.match(/(?:^|\s)c ?(\d{1,2})(?:\s|$)/);
  const sub = key.match(
    /(?:^|\s)e ?(government|business|learning|health|employment|environment|agriculture|science)(?:\s|$)/,
  );
  if (code) {
    const line = BY_ID.get(`c${Number(code[1])}`);
    if (line === 'C7' && sub) return SUBLINE_BY_WORD.get(sub[1]);
    return line;
  }
  const rest = key.replace(NOISE, ' ').replace(/\s+/g, ' ').trim();
  if (sub && rest.replace(/^e ?/, '') === sub[1]) return SUBLINE_BY_WORD.get(sub[1]);
  return BY_NAME.get(key) ?? BY_NAME.get(rest);
}
