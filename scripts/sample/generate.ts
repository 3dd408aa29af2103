/**
 * Seeded sample stocktaking entries. No public dump of the WSIS Stocktaking database exists,
 * so demos, benchmarks and tests use this generator. Pure TypeScript with no Node imports,
 * so browser tests can use it too.
 *
 * Each entry draws from its own PRNG seeded by (seed, index): entry N is the same whatever
 * the count, and a large run can be streamed without holding every entry in memory.
 */
import type { Entry } from '../../src/data/entry.js';
import { COUNTRY_CODES, COUNTRY_REGION } from '../../src/data/countries.js';
import {
  ACTION_LINES,
  REGIONS,
  type ActionLine,
  type EntityType,
  type PrizeStatus,
  type Region,
  type Sdg,
  type Status,
} from '../../src/data/vocabulary.js';
import { countryRef, TERRITORIES } from './names.js';
import {
  globalOrganization,
  governmentOrganization,
  internationalOrganization,
  localOrganization,
  partner,
  slugOf,
  withArticle,
} from './orgs.js';
import { localTextAt } from './multilingual.js';
import { hashKey, Rng, Weighted } from './prng.js';
import {
  GENERIC_SENTENCES,
  INTERNATIONAL_PLACES,
  INTERNATIONAL_TITLE_PLACES,
  NICKNAMES,
  TITLE_TEMPLATES,
  TOPICS,
  type TopicBank,
} from './words.js';

/** The latest year any generated date may fall in ("now" for the sample). */
export const LAST_YEAR = 2026;
export const MIN_WORDS = 80;
export const MAX_WORDS = 250;

const ENTITY_TYPES = new Weighted<EntityType>([
  ['government', 50],
  ['private_sector', 12],
  ['civil_society', 12],
  ['international_organization', 8],
  ['academia', 10],
  ['other', 8],
]);

/** Chance that an entry of each type works across borders (no country); about 12% overall. */
const INTERNATIONAL_SHARE: Readonly<Record<EntityType, number>> = {
  government: 0,
  private_sector: 0.16,
  civil_society: 0.18,
  international_organization: 0.65,
  academia: 0.14,
  other: 0.2,
};

// Sizes of recent WSIS Prizes cohorts by region.
const REGION_WEIGHTS = new Weighted<Region>([
  ['arab_states', 86],
  ['asia_pacific', 73],
  ['americas', 53],
  ['europe', 36],
  ['cis', 31],
  ['africa', 27],
]);

/** Countries that submit far more than their neighbours. */
// prettier-ignore
const PROMINENT = new Set([
  'AE', 'SA', 'EG', 'QA', 'OM', 'JO', 'BH', 'TN', 'MA',
  'IN', 'CN', 'ID', 'BD', 'PK', 'TH', 'MY', 'PH', 'JP', 'KR',
  'BR', 'MX', 'CO', 'AR', 'CL', 'US', 'CA',
  'ES', 'DE', 'FR', 'IT', 'PL', 'GB', 'CH',
  'RU', 'KZ', 'UZ', 'AZ', 'BY',
  'NG', 'KE', 'RW', 'GH', 'ZA', 'SN', 'UG',
]);

const COUNTRIES_BY_REGION = Object.fromEntries(
  REGIONS.map((region) => [
    region,
    new Weighted(
      COUNTRY_CODES.filter((c) => COUNTRY_REGION[c] === region).map(
        (c) => [c, PROMINENT.has(c) ? 3 : TERRITORIES.has(c) ? 0.15 : 1] as const,
      ),
    ),
  ]),
) as Record<Region, Weighted<string>>;

/** Primary action line; C7 sub-lines take a third here and reach ~40% with secondary lines. */
const TOPIC_WEIGHTS = new Weighted<ActionLine>([
  ['C1', 7],
  ['C2', 10],
  ['C3', 7],
  ['C4', 12],
  ['C5', 8],
  ['C6', 6],
  ['C7', 2],
  ['C7.e-government', 7],
  ['C7.e-business', 4],
  ['C7.e-learning', 5],
  ['C7.e-health', 6],
  ['C7.e-employment', 2],
  ['C7.e-environment', 3],
  ['C7.e-agriculture', 4],
  ['C7.e-science', 2],
  ['C8', 4],
  ['C9', 3],
  ['C10', 3],
  ['C11', 4],
]);

const START_YEARS = new Weighted<number>(
  Array.from({ length: LAST_YEAR - 2004 + 1 }, (_, i) => {
    const year = 2004 + i;
    // Submissions grow year on year; the current year is only partly in.
    return [year, 1.14 ** i * (year === LAST_YEAR ? 0.5 : 1)] as const;
  }),
);

const PRIZE_STATUS = new Weighted<PrizeStatus>([
  ['nominee', 72],
  ['champion', 22],
  ['winner', 6],
]);

/** SDGs that many ICT projects also claim, whatever their topic. */
const CROSS_CUTTING_SDGS: readonly Sdg[] = [17, 9, 5, 10, 8, 4, 1, 11];

const ACTION_LINE_ORDER = new Map<string, number>(ACTION_LINES.map((line, i) => [line, i]));
const REGION_ORDER = new Map<string, number>(REGIONS.map((region, i) => [region, i]));

/** Every ISO code appears at least once within the first 2 × 249 entries. */
const CYCLE_SPAN = COUNTRY_CODES.length * 2;

function cycledCountry(index: number): string | undefined {
  if (index < CYCLE_SPAN) return index % 2 === 0 ? COUNTRY_CODES[index / 2] : undefined;
  // Afterwards every 20th entry keeps small places present in large samples.
  return index % 20 === 0 ? COUNTRY_CODES[(index / 20) % COUNTRY_CODES.length] : undefined;
}

function weightedCountry(rng: Rng, region?: Region): string {
  return COUNTRIES_BY_REGION[region ?? REGION_WEIGHTS.draw(rng)].draw(rng);
}

function pickCountries(rng: Rng, index: number, type: EntityType): string[] {
  const cycled = cycledCountry(index);
  if (cycled === undefined && rng.chance(INTERNATIONAL_SHARE[type])) return [];
  const primary = cycled ?? weightedCountry(rng);
  const countries = [primary];
  if (rng.chance(type === 'international_organization' ? 0.3 : 0.08)) {
    const extra = rng.int(1, 2);
    for (let i = 0; i < extra; i++) {
      // Joint projects are usually between neighbours.
      const next = weightedCountry(rng, rng.chance(0.7) ? COUNTRY_REGION[primary] : undefined);
      if (!countries.includes(next)) countries.push(next);
    }
  }
  return countries;
}

function organizationFor(
  rng: Rng,
  seed: number,
  type: EntityType,
  topic: ActionLine,
  countries: readonly string[],
): string {
  const home = countries[0];
  if (type === 'international_organization') {
    return internationalOrganization(rng, topic, home === undefined ? undefined : COUNTRY_REGION[home]);
  }
  if (home === undefined) return globalOrganization(rng, type === 'government' ? 'other' : type);
  if (type === 'government') return governmentOrganization(rng, seed, home, topic);
  return localOrganization(rng, seed, home, type);
}

function pickActionLines(rng: Rng, topic: ActionLine): ActionLine[] {
  const lines = new Set<ActionLine>([topic]);
  const r = rng.next();
  const extra = r < 0.45 ? 0 : r < 0.83 ? 1 : 2;
  for (const line of rng.sample(TOPICS[topic].related, extra)) lines.add(line);
  // Submitters often tick the parent C7 box along with the sub-line.
  if (topic.startsWith('C7.') && rng.chance(0.35)) lines.add('C7');
  return [...lines].sort((a, b) => ACTION_LINE_ORDER.get(a)! - ACTION_LINE_ORDER.get(b)!);
}

function pickSdgs(rng: Rng, lines: readonly ActionLine[], topic: ActionLine): Sdg[] {
  const r = rng.next();
  const count = r < 0.2 ? 1 : r < 0.55 ? 2 : r < 0.85 ? 3 : 4;
  const core = TOPICS[topic].sdgs;
  const sdgs = new Set<Sdg>([core[0]]);
  for (let guard = 0; sdgs.size < count && guard < 20; guard++) {
    const source = rng.next();
    if (source < 0.5) sdgs.add(rng.pick(core));
    else if (source < 0.7) sdgs.add(TOPICS[rng.pick(lines)].sdgs[0]);
    else sdgs.add(rng.pick(CROSS_CUTTING_SDGS));
  }
  return [...sdgs].sort((a, b) => a - b);
}

interface Timeline {
  status: Status;
  startYear: number;
  endYear: number | null;
}

function pickTimeline(rng: Rng): Timeline {
  const startYear = START_YEARS.draw(rng);
  const r = rng.next();
  if (startYear === LAST_YEAR) return { status: r < 0.6 ? 'planned' : 'ongoing', startYear, endYear: null };
  if (startYear === LAST_YEAR - 1) {
    if (r < 0.3) return { status: 'planned', startYear, endYear: null };
    if (r < 0.9) return { status: 'ongoing', startYear, endYear: null };
    return { status: 'completed', startYear, endYear: rng.int(startYear, LAST_YEAR) };
  }
  const age = LAST_YEAR - startYear;
  if (r < Math.min(0.85, 0.15 + age * 0.06)) {
    // Most projects run a few years; exponential keeps a long tail.
    const years = Math.floor(-Math.log(1 - rng.next()) * 2.2);
    return { status: 'completed', startYear, endYear: Math.min(LAST_YEAR, startYear + years) };
  }
  return { status: 'ongoing', startYear, endYear: null };
}

/** Days since 1970-01-01 for a proleptic Gregorian date (month 1-12). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of daysFromCivil, formatted YYYY-MM-DD (cheaper than Date#toISOString in a hot loop). */
function civilFromDays(z: number): string {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

const LAST_UPDATE_DAY = daysFromCivil(LAST_YEAR, 11, 1);

function pickUpdated(rng: Rng, startYear: number): string {
  const from = daysFromCivil(startYear, 1, 1);
  // Records tend to have been touched recently.
  const offset = Math.floor(rng.next() ** 0.6 * (LAST_UPDATE_DAY - from + 1));
  return civilFromDays(from + offset);
}

function pickPrize(rng: Rng, timeline: Timeline): Entry['prize'] {
  if (timeline.status === 'planned' || !rng.chance(0.075)) return undefined;
  // The WSIS Prizes started in 2012; a prize comes while the project runs or just after.
  const from = Math.max(timeline.startYear, 2012);
  const to = Math.min(LAST_YEAR, (timeline.endYear ?? LAST_YEAR) + 1);
  if (from > to) return undefined;
  return { year: rng.int(from, to), status: PRIZE_STATUS.draw(rng) };
}

const SMALL_WORDS = new Set('a an and as at by for in of on or the to via with'.split(' '));

const titleCache = new Map<string, string>();

function titleCase(phrase: string): string {
  let cased = titleCache.get(phrase);
  if (cased === undefined) titleCache.set(phrase, (cased = computeTitleCase(phrase)));
  return cased;
}

function computeTitleCase(phrase: string): string {
  return phrase
    .split(' ')
    .map((word, i) =>
      word
        .split('-')
        .map((part, j) => {
          if (!/^[a-z]/.test(part) || /[A-Z]/.test(part)) return part;
          if ((i > 0 || j > 0) && SMALL_WORDS.has(part)) return part;
          return part[0].toUpperCase() + part.slice(1);
        })
        .join('-'),
    )
    .join(' ');
}

function joinList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function withCommas(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function countSpaces(text: string): number {
  let count = 0;
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) count++;
  return count;
}

interface TextContext {
  rng: Rng;
  subject: string;
  beneficiaries: string;
  place: string;
  organization: string;
  timeline: Timeline;
}

/** A template split once into literal text (even indexes) and slot letters (odd indexes). */
interface Compiled {
  readonly parts: readonly string[];
  readonly literalSpaces: number;
}

const compiled = new Map<string, Compiled>();

function compile(template: string): Compiled {
  let c = compiled.get(template);
  if (c === undefined) {
    const parts = template.split(/\{([A-Za-z])\}/);
    const literalSpaces = parts.reduce((sum, part, i) => (i % 2 === 0 ? sum + countSpaces(part) : sum), 0);
    compiled.set(template, (c = { parts, literalSpaces }));
  }
  return c;
}

interface Sentence {
  text: string;
  words: number;
}

/**
 * Fills a template and counts its words on the way: templates and slot values are single-spaced
 * and never empty, so words = spaces + 1 without rescanning the sentence.
 */
function fill(template: string, ctx: TextContext): Sentence {
  const { parts, literalSpaces } = compile(template);
  let text = parts[0];
  let spaces = literalSpaces;
  for (let i = 1; i < parts.length; i += 2) {
    const value = slotValue(parts[i], ctx);
    spaces += countSpaces(value);
    text += value + parts[i + 1];
  }
  // A sentence may open with the organization ("the Ministry of ...").
  const first = text.charCodeAt(0);
  if (first >= 97 && first <= 122) text = text[0].toUpperCase() + text.slice(1);
  return { text, words: spaces + 1 };
}

function slotValue(slot: string, ctx: TextContext): string {
  const { rng } = ctx;
  switch (slot) {
    case 'S':
      return ctx.subject;
    case 'B':
      return ctx.beneficiaries;
    case 'P':
      return ctx.place;
    case 'O':
      return withArticle(ctx.organization);
    case 'X': {
      // An organization is not its own partner.
      const name = partner(rng);
      return name === ctx.organization ? 'national partners' : withArticle(name);
    }
    case 'Y':
      return String(ctx.timeline.startYear);
    case 'E':
      return String(ctx.timeline.endYear ?? LAST_YEAR);
    case 'n':
      return String(rng.int(5, 60));
    case 'm':
      return withCommas(rng.int(12, 480) * 10);
    case 'l':
      return rng.chance(0.15) ? `${rng.int(11, 49) / 10} million` : withCommas(rng.int(12, 950) * 1000);
    default:
      return slot;
  }
}

/** Suffix-adding title templates are skipped when the subject already names a kind of project. */
const PROJECT_NOUNS = /\b(programme|project|initiative|service|network|system|platform|campaign|strategy|framework)\b/;

const titleTemplates = new Map<string, readonly string[]>();

/** Title templates that read well with a subject, cached per subject. */
function titleTemplatesFor(subject: string): readonly string[] {
  let list = titleTemplates.get(subject);
  if (list === undefined) {
    list = TITLE_TEMPLATES.filter(
      (t) =>
        !(t.includes('{B}') && subject.includes(' for ')) &&
        !((t.endsWith(' Initiative') || t.endsWith(' Project')) && PROJECT_NOUNS.test(subject)),
    );
    titleTemplates.set(subject, list);
  }
  return list;
}

function makeTitle(rng: Rng, subject: string, beneficiaries: string, countries: readonly string[]): string {
  const { parts } = compile(rng.pick(titleTemplatesFor(subject)));
  let title = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    switch (parts[i]) {
      case 'S':
        title += titleCase(subject);
        break;
      case 'B':
        title += titleCase(beneficiaries);
        break;
      case 'P':
        title += countries.length === 0 ? rng.pick(INTERNATIONAL_TITLE_PLACES) : joinList(countries.map(countryRef));
        break;
      case 'K':
        title += rng.pick(NICKNAMES);
        break;
      case 'n':
        title += String(rng.int(2, 4));
        break;
      default:
        title += parts[i];
    }
    title += parts[i + 1];
  }
  return title;
}

const PLANNED_SENTENCES = [
  'Implementation is scheduled to begin in {Y}, subject to the final approval of funding.',
  'The project is currently in its preparatory phase, with the first activities planned for {Y}.',
];
const COMPLETED_SENTENCES = [
  'The project was completed in {E}, and its results have been handed over to national partners.',
  'Activities ended in {E}; the systems remain in use and are maintained by local teams.',
];

function makeDescription(ctx: TextContext, topic: TopicBank, secondary: TopicBank | undefined): string {
  const { rng, timeline } = ctx;
  const planned = timeline.status === 'planned';
  const openers = planned ? topic.openers.filter((s) => !s.includes('{Y}')) : topic.openers;
  const activities = rng.sample(topic.activities, topic.activities.length);
  const generic = rng.sample(GENERIC_SENTENCES, GENERIC_SENTENCES.length);
  const outcomes = planned ? [] : rng.sample(topic.outcomes, 2);

  const head = [rng.pick(openers), ...activities.splice(0, 2)];
  const tail = [generic.shift()!];
  if (outcomes.length > 0) tail.unshift(outcomes.shift()!);
  if (planned) tail.push(rng.pick(PLANNED_SENTENCES));
  else if (timeline.status === 'completed' && rng.chance(0.5)) tail.push(rng.pick(COMPLETED_SENTENCES));

  // More material, in the order it reads best, used until the description is long enough.
  const extras: string[] = secondary ? [rng.pick(secondary.activities)] : [];
  for (let i = 0; i < Math.max(activities.length, generic.length); i++) {
    if (i < activities.length) extras.push(activities[i]);
    if (i < generic.length && i % 2 === 1) extras.push(generic[i]);
  }
  extras.push(...outcomes);

  const sentences = [...head, ...tail].map((s) => fill(s, ctx));
  let words = 0;
  for (const s of sentences) words += s.words;
  // Triangular around ~150 words; sentences are at most ~30 words so MAX_WORDS holds.
  const target = MIN_WORDS + 5 + Math.round(((rng.next() + rng.next()) / 2) * 130);
  let insertAt = head.length;
  for (const template of extras) {
    if (words >= target) break;
    const sentence = fill(template, ctx);
    if (words + sentence.words > MAX_WORDS) continue;
    sentences.splice(insertAt++, 0, sentence);
    words += sentence.words;
  }

  const texts = sentences.map((s) => s.text);
  if (texts.length >= 5 && rng.chance(0.4)) {
    const cut = rng.int(2, texts.length - 2);
    return `${texts.slice(0, cut).join(' ')}\n\n${texts.slice(cut).join(' ')}`;
  }
  return texts.join(' ');
}

function entryId(index: number): string {
  return `ws-${String(index + 1).padStart(6, '0')}`;
}

function assertArgs(count: number, seed: number): void {
  if (!Number.isSafeInteger(count) || count < 0)
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
}

/** The entry at a 0-based index; independent of how many entries are generated. */
export function generateEntry(index: number, seed: number): Entry {
  assertArgs(index, seed);
  const rng = new Rng(hashKey(seed, index));
  const id = entryId(index);

  const entityType = ENTITY_TYPES.draw(rng);
  const topicLine = TOPIC_WEIGHTS.draw(rng);
  const topic = TOPICS[topicLine];
  const countries = pickCountries(rng, index, entityType);
  const regions = [...new Set(countries.map((c) => COUNTRY_REGION[c]))].sort(
    (a, b) => REGION_ORDER.get(a)! - REGION_ORDER.get(b)!,
  );
  const organization = organizationFor(rng, seed, entityType, topicLine, countries);
  const actionLines = pickActionLines(rng, topicLine);
  const sdgs = pickSdgs(rng, actionLines, topicLine);
  const timeline = pickTimeline(rng);
  const updated = pickUpdated(rng, timeline.startYear);

  const subject = rng.pick(topic.subjects);
  const beneficiaries = rng.pick(topic.beneficiaries);
  const title = makeTitle(rng, subject, beneficiaries, countries);
  const others = actionLines.filter((l) => l !== topicLine && l !== 'C7');
  const secondary = others.length > 0 ? TOPICS[rng.pick(others)] : undefined;
  const place = countries.length === 0 ? rng.pick(INTERNATIONAL_PLACES) : joinList(countries.map(countryRef));
  const description = makeDescription({ rng, subject, beneficiaries, place, organization, timeline }, topic, secondary);

  // Some entries are written in another UN language; the draws above still run, so others stay the same.
  const local = localTextAt(index);

  const website = rng.chance(0.7) ? `https://${slugOf(organization)}.example.org/projects/${id}` : undefined;
  const prize = pickPrize(rng, timeline);

  // Key order follows EntrySchema; optional keys are left out rather than set to undefined.
  return {
    id,
    title: local?.title ?? title,
    description: local?.description ?? description,
    organization,
    entityType,
    countries: [...countries].sort(),
    regions,
    actionLines,
    sdgs,
    status: timeline.status,
    startYear: timeline.startYear,
    endYear: timeline.endYear,
    ...(website === undefined ? {} : { website }),
    updated,
    ...(prize === undefined ? {} : { prize }),
  };
}

/** Lazily yields entries 0..count-1, for streaming large samples. */
export function* entriesOf(count: number, seed: number): Generator<Entry, void, undefined> {
  assertArgs(count, seed);
  for (let i = 0; i < count; i++) yield generateEntry(i, seed);
}

export function generateEntries(count: number, seed: number): Entry[] {
  assertArgs(count, seed);
  const entries = new Array<Entry>(count);
  for (let i = 0; i < count; i++) entries[i] = generateEntry(i, seed);
  return entries;
}
