/**
 * Organization pools. Names are a pure function of (seed, country, kind, slot), so the same
 * ministry or company recurs across many entries and the organization facet has realistic
 * counts instead of one organization per entry.
 */
import type { ActionLine, Region } from '../../src/data/vocabulary.js';
import { countryRef, COUNTRY_NAMES } from './names.js';
import { hashKey, Rng, Weighted } from './prng.js';

export const UN_AGENCIES = {
  ITU: 'International Telecommunication Union (ITU)',
  UNESCO: 'United Nations Educational, Scientific and Cultural Organization (UNESCO)',
  UNDP: 'United Nations Development Programme (UNDP)',
  UNCTAD: 'United Nations Conference on Trade and Development (UNCTAD)',
  FAO: 'Food and Agriculture Organization of the United Nations (FAO)',
  WFP: 'World Food Programme (WFP)',
  WHO: 'World Health Organization (WHO)',
  UPU: 'Universal Postal Union (UPU)',
  UNEP: 'United Nations Environment Programme (UNEP)',
  ITC: 'International Trade Centre (ITC)',
  ILO: 'International Labour Organization (ILO)',
  UNDESA: 'United Nations Department of Economic and Social Affairs (UNDESA)',
  UNHCR: 'Office of the United Nations High Commissioner for Refugees (UNHCR)',
  UNICEF: "United Nations Children's Fund (UNICEF)",
  UNIDO: 'United Nations Industrial Development Organization (UNIDO)',
  UNODC: 'United Nations Office on Drugs and Crime (UNODC)',
  WMO: 'World Meteorological Organization (WMO)',
  UNWOMEN: 'UN Women',
  UNECA: 'United Nations Economic Commission for Africa (UNECA)',
  ECLAC: 'Economic Commission for Latin America and the Caribbean (ECLAC)',
  ESCAP: 'Economic and Social Commission for Asia and the Pacific (ESCAP)',
  ESCWA: 'Economic and Social Commission for Western Asia (ESCWA)',
  UNECE: 'United Nations Economic Commission for Europe (UNECE)',
  UNU: 'United Nations University (UNU)',
  WIPO: 'World Intellectual Property Organization (WIPO)',
  UNHABITAT: 'UN-Habitat',
  OHCHR: 'Office of the United Nations High Commissioner for Human Rights (OHCHR)',
  WB: 'World Bank',
  OECD: 'Organisation for Economic Co-operation and Development (OECD)',
  AUC: 'African Union Commission (AUC)',
} as const;
type Agency = keyof typeof UN_AGENCIES;

// ITU dominates, as it does in the real stocktaking submissions.
// prettier-ignore
const AGENCY_WEIGHTS = new Weighted<Agency>([
  ['ITU', 30], ['UNDP', 8], ['UNESCO', 8], ['WB', 5], ['UNICEF', 4], ['UNCTAD', 4], ['WHO', 3], ['FAO', 3],
  ['UNDESA', 3], ['UPU', 3], ['UNEP', 2], ['ITC', 2], ['ILO', 2], ['WFP', 2], ['UNWOMEN', 2], ['UNHCR', 1.5],
  ['UNIDO', 1.5], ['WMO', 1.5], ['UNECA', 1.5], ['ECLAC', 1.5], ['ESCAP', 1.5], ['ESCWA', 1.5], ['UNECE', 1.5],
  ['UNU', 1.5], ['WIPO', 1.5], ['UNHABITAT', 1.5], ['OECD', 1.5], ['UNODC', 1], ['OHCHR', 1], ['AUC', 1],
]);

const AGENCIES_BY_TOPIC: Readonly<Record<ActionLine, readonly Agency[]>> = {
  C1: ['UNDESA', 'UNDP', 'ITU'],
  C2: ['ITU', 'WB'],
  C3: ['UNESCO', 'UNDP'],
  C4: ['ITU', 'UNESCO', 'ILO', 'UNWOMEN'],
  C5: ['ITU', 'UNODC', 'UNICEF'],
  C6: ['ITU', 'WB', 'UNCTAD', 'OECD'],
  C7: ['ITU', 'UNDP'],
  'C7.e-government': ['UNDESA', 'UNDP', 'WB'],
  'C7.e-business': ['UNCTAD', 'ITC', 'UPU', 'UNIDO'],
  'C7.e-learning': ['UNESCO', 'UNICEF', 'UNHCR'],
  'C7.e-health': ['WHO', 'ITU', 'UNICEF'],
  'C7.e-employment': ['ILO', 'UNDP'],
  'C7.e-environment': ['UNEP', 'WMO', 'ITU', 'UNHABITAT'],
  'C7.e-agriculture': ['FAO', 'WFP', 'ITU'],
  'C7.e-science': ['UNESCO', 'UNU'],
  C8: ['UNESCO', 'WIPO'],
  C9: ['UNESCO'],
  C10: ['UNESCO', 'OHCHR'],
  C11: ['ITU', 'UNECA', 'ESCAP'],
};

const REGIONAL_COMMISSION: Readonly<Record<Region, Agency>> = {
  africa: 'UNECA',
  americas: 'ECLAC',
  arab_states: 'ESCWA',
  asia_pacific: 'ESCAP',
  cis: 'UNECE',
  europe: 'UNECE',
};
const COMMISSIONS = new Set<Agency>(['UNECA', 'ECLAC', 'ESCAP', 'ESCWA', 'UNECE']);

export function internationalOrganization(rng: Rng, topic: ActionLine, region: Region | undefined): string {
  let agency = rng.chance(0.45) ? rng.pick(AGENCIES_BY_TOPIC[topic]) : AGENCY_WEIGHTS.draw(rng);
  // A regional commission only works in its own region.
  if (COMMISSIONS.has(agency) && region) agency = REGIONAL_COMMISSION[region];
  return UN_AGENCIES[agency];
}

const OTHER_PARTNERS = [
  'the national regulator',
  'local universities',
  'private sector partners',
  'the European Union',
  'several development partners',
  'mobile network operators',
  'local civil society organizations',
  'regional development banks',
];

/** Partners named in descriptions ("in partnership with {X}"). */
export function partner(rng: Rng): string {
  return rng.chance(0.55) ? UN_AGENCIES[AGENCY_WEIGHTS.draw(rng)] : rng.pick(OTHER_PARTNERS);
}

const GOV_VARIANTS = {
  ict: [
    'Ministry of Information and Communications Technology',
    'Ministry of ICT and Innovation',
    'Ministry of Digital Economy',
    'Ministry of Communications and Digital Transformation',
    'Ministry of Posts and Telecommunications',
    'Ministry of Digital Development and Communications',
    'Ministry of Transport and Communications',
  ],
  regulator: [
    'Telecommunications Regulatory Authority',
    'National Communications Authority',
    'Posts and Telecommunications Regulatory Agency',
    'Information and Communications Regulatory Commission',
  ],
  agency: [
    'E-Government Agency',
    'National Digital Agency',
    'Agency for Digital Development',
    'National Information Technology Authority',
  ],
  cyber: [
    'National Cybersecurity Agency',
    'National Computer Emergency Response Team',
    'National Cybersecurity Centre',
  ],
  health: ['Ministry of Health', 'Ministry of Health and Social Protection', 'Ministry of Public Health'],
  education: [
    'Ministry of Education',
    'Ministry of Education and Vocational Training',
    'Ministry of National Education',
  ],
  science: [
    'Ministry of Higher Education and Scientific Research',
    'Ministry of Science and Technology',
    'National Research Council',
  ],
  agriculture: [
    'Ministry of Agriculture',
    'Ministry of Agriculture and Rural Development',
    'Ministry of Agriculture, Fisheries and Food Security',
  ],
  environment: [
    'Ministry of Environment',
    'Ministry of Environment and Climate Change',
    'National Meteorological Agency',
  ],
  labour: ['Ministry of Labour and Employment', 'National Employment Agency', 'Ministry of Youth and Employment'],
  trade: ['Ministry of Trade and Industry', 'Ministry of Economy', 'Export Promotion Agency'],
  culture: ['Ministry of Culture', 'National Archives', 'National Library'],
  media: ['Ministry of Information', 'National Broadcasting Authority', 'Ministry of Information and Media'],
  rights: ['Data Protection Authority', 'Ministry of Justice', 'National Human Rights Commission'],
  foreign: ['Ministry of Foreign Affairs', 'Agency for International Cooperation'],
  centre: ['Office of the Prime Minister', 'Office of the President', 'Ministry of Planning'],
  statistics: ['National Statistics Office', 'National Institute of Statistics'],
  women: ['Ministry of Women and Family Affairs', 'Ministry of Gender Equality'],
  finance: ['Ministry of Finance', 'Central Bank'],
} as const;
type GovKind = keyof typeof GOV_VARIANTS;

// prettier-ignore
const GOV_BY_TOPIC: Readonly<Record<ActionLine, Weighted<GovKind>>> = {
  C1: new Weighted<GovKind>([['ict', 4], ['centre', 3], ['agency', 2], ['statistics', 1]]),
  C2: new Weighted<GovKind>([['ict', 4], ['regulator', 4]]),
  C3: new Weighted<GovKind>([['culture', 3], ['statistics', 2], ['agency', 1], ['ict', 1]]),
  C4: new Weighted<GovKind>([['ict', 3], ['education', 3], ['labour', 1], ['women', 1]]),
  C5: new Weighted<GovKind>([['cyber', 5], ['ict', 2], ['regulator', 1], ['rights', 0.5]]),
  C6: new Weighted<GovKind>([['regulator', 5], ['ict', 2], ['finance', 1], ['rights', 1]]),
  C7: new Weighted<GovKind>([['ict', 3], ['agency', 2]]),
  'C7.e-government': new Weighted<GovKind>([['agency', 4], ['ict', 2], ['centre', 1], ['finance', 1]]),
  'C7.e-business': new Weighted<GovKind>([['trade', 4], ['finance', 1.5], ['ict', 1]]),
  'C7.e-learning': new Weighted<GovKind>([['education', 5], ['science', 1], ['ict', 1]]),
  'C7.e-health': new Weighted<GovKind>([['health', 6], ['ict', 1]]),
  'C7.e-employment': new Weighted<GovKind>([['labour', 5], ['ict', 1]]),
  'C7.e-environment': new Weighted<GovKind>([['environment', 5], ['ict', 1]]),
  'C7.e-agriculture': new Weighted<GovKind>([['agriculture', 6], ['ict', 1]]),
  'C7.e-science': new Weighted<GovKind>([['science', 5], ['ict', 1]]),
  C8: new Weighted<GovKind>([['culture', 5], ['ict', 1]]),
  C9: new Weighted<GovKind>([['media', 5], ['regulator', 1], ['ict', 1]]),
  C10: new Weighted<GovKind>([['rights', 3], ['ict', 2], ['science', 1]]),
  C11: new Weighted<GovKind>([['foreign', 3], ['ict', 3], ['regulator', 2]]),
};

/** A country's own name for the ministry or agency: fixed per (seed, country, kind). */
export function governmentOrganization(rng: Rng, seed: number, country: string, topic: ActionLine): string {
  const kind = GOV_BY_TOPIC[topic].draw(rng);
  const variants = GOV_VARIANTS[kind];
  const variant = variants[hashKey(seed, country, kind) % variants.length];
  return `${variant} of ${countryRef(country)}`;
}

/** Shorter forms for building names like "Kenya Digital Inclusion Network". */
const SHORT_NAMES: Readonly<Record<string, string>> = {
  BQ: 'Bonaire',
  CD: 'DR Congo',
  CG: 'Congo',
  GS: 'South Georgia',
  HK: 'Hong Kong',
  HM: 'Heard Island',
  KP: 'DPR Korea',
  KR: 'Korea',
  LA: 'Lao',
  MO: 'Macao',
  RU: 'Russia',
  SY: 'Syria',
  TW: 'Taiwan',
  UM: 'US Minor Outlying Islands',
  VI: 'US Virgin Islands',
  VC: 'Saint Vincent',
  CC: 'Cocos Islands',
  BA: 'Bosnia and Herzegovina',
  VA: 'Vatican',
  PS: 'Palestine',
  IO: 'Chagos',
};

function shortName(country: string): string {
  return SHORT_NAMES[country] ?? COUNTRY_NAMES[country] ?? country;
}

const ROOTS = [
  'Nexa',
  'Afri',
  'Sky',
  'Blue',
  'Sun',
  'Star',
  'Terra',
  'Aqua',
  'Zen',
  'Vera',
  'Nova',
  'Astra',
  'Lumi',
  'Kora',
  'Mira',
  'Sola',
  'Opti',
  'Digi',
  'Info',
  'Meri',
  'Oasis',
  'Delta',
  'Cedar',
  'Baobab',
];
const TAILS = ['tel', 'net', 'com', 'soft', 'link', 'data', 'wave', 'tech', 'logic', 'cloud', 'pay', 'cell'];
const KINDS = ['Ltd', 'Technologies', 'Solutions', 'Systems', 'Group', 'Digital', 'Networks', 'Labs'];

type LocalKind = 'private_sector' | 'civil_society' | 'academia' | 'other';

const LOCAL_TEMPLATES: Readonly<Record<LocalKind, readonly ((c: string, r: Rng) => string)[]>> = {
  private_sector: [
    (c) => `${c} Telecom`,
    (c) => `${c} Digital Solutions`,
    (c) => `${c} Mobile`,
    (_, r) => `${r.pick(ROOTS)}${r.pick(TAILS)} ${r.pick(KINDS)}`,
    (_, r) => `${r.pick(ROOTS)}${r.pick(TAILS)} ${r.pick(KINDS)}`,
    (c, r) => `${r.pick(ROOTS)}${r.pick(TAILS)} ${c}`,
    (c) => `${c} Data Centres`,
    (c, r) => `${r.pick(ROOTS)}${r.pick(TAILS)} ${c}`,
  ],
  civil_society: [
    (c) => `${c} Digital Inclusion Network`,
    (c) => `${c} Women in Technology Association`,
    (c) => `Connect ${c} Foundation`,
    (c) => `${c} Youth for ICT`,
    (c) => `${c} Community Networks Association`,
    (c) => `${c} Digital Rights Forum`,
    (c) => `${c} Open Knowledge Society`,
    (c) => `${c} Rural Development Trust`,
    (c) => `${c} Centre for Digital Citizenship`,
    (c) => `${c} Foundation for Education and Technology`,
    (c) => `${c} Consumers Association`,
    (c) => `${c} Federation of Persons with Disabilities`,
  ],
  academia: [
    (c) => `National University of ${c}`,
    (c) => `University of ${c}`,
    (c) => `${c} Institute of Technology`,
    (c) => `${c} Polytechnic University`,
    (c) => `${c} University of Science and Technology`,
    (c) => `Open University of ${c}`,
    (c) => `${c} Centre for ICT Research`,
    (c) => `${c} Higher Institute of Telecommunications`,
    (c) => `${c} School of Public Administration`,
    (c) => `${c} Agricultural University`,
  ],
  other: [
    (c) => `${c} Chamber of Commerce and Industry`,
    (c) => `${c} Internet Exchange Point`,
    (c) => `${c} Post`,
    (c) => `${c} Broadcasting Corporation`,
    (c) => `${c} Digital Innovation Hub`,
    (c) => `${c} ICT Chamber`,
    (c) => `${c} Telecentre Network`,
    (c) => `${c} Bankers Association`,
    (c) => `${c} Network Information Centre`,
    (c) => `${c} Startup Association`,
  ],
};

/** Pool sizes per country: a handful of active organizations of each kind. */
const POOL_SIZE: Readonly<Record<LocalKind, number>> = { private_sector: 7, civil_society: 6, academia: 5, other: 5 };
// Zipf-like: the first organizations in a pool submit far more often than the last.
const SLOT_WEIGHTS = Object.fromEntries(
  (Object.keys(POOL_SIZE) as LocalKind[]).map((k) => [
    k,
    new Weighted(Array.from({ length: POOL_SIZE[k] }, (_, i) => [i, 1 / (i + 1)] as const)),
  ]),
) as Record<LocalKind, Weighted<number>>;

export function localOrganization(rng: Rng, seed: number, country: string, kind: LocalKind): string {
  const slot = SLOT_WEIGHTS[kind].draw(rng);
  const templates = LOCAL_TEMPLATES[kind];
  // A per-country shuffle of the templates, so countries differ in which kinds of body they have.
  const order = new Rng(hashKey(seed, country, kind)).sample(
    templates.map((_, i) => i),
    POOL_SIZE[kind],
  );
  const nameRng = new Rng(hashKey(seed, country, kind, slot));
  return templates[order[slot]](shortName(country), nameRng);
}

/** Bodies with no single home country, for entries that have no country. */
const GLOBAL_POOLS: Readonly<Record<LocalKind, readonly string[]>> = {
  private_sector: [
    'GlobalLink Technologies',
    'Meridian Digital Systems',
    'Orbital Broadband Services',
    'OpenWave Networks',
    'Kestrel Cloud Services',
    'Polaris Data Group',
    'Atlas Mobile Solutions',
    'Equator Satellite Communications',
    'Crescent Fintech Group',
    'Harbour Software Labs',
  ],
  civil_society: [
    'Global Alliance for Digital Inclusion',
    'Open Knowledge Collective',
    'Digital Rights Watch International',
    'Women in ICT Global Network',
    'International Community Connectivity Alliance',
    'Youth Digital Futures',
    'Accessible Technology Foundation',
    'Coalition for Child Online Safety',
    'Local Content Initiative',
    'Rural Connectivity Trust',
  ],
  academia: [
    'International Institute for ICT and Development',
    'Global Centre for Digital Policy Research',
    'Institute for Internet Governance Studies',
    'Consortium of Open Universities',
    'Centre for Information Society Studies',
    'International Research Network on ICT4D',
  ],
  other: [
    'Global Forum on Digital Development',
    'International Association of Telecentres',
    'World Federation of Digital Cooperatives',
    'Network of Small Island Regulators',
    'International Council of Postal Innovators',
    'Alliance for Affordable Connectivity Research',
  ],
};

export function globalOrganization(rng: Rng, kind: LocalKind): string {
  const pool = GLOBAL_POOLS[kind];
  // Squaring skews the draw toward the first names of the pool.
  const x = rng.next();
  return pool[Math.floor(x * x * pool.length)];
}

const slugCache = new Map<string, string>();

/** A hostname-safe label for an organization: its acronym when it has one. */
export function slugOf(name: string): string {
  let slug = slugCache.get(name);
  if (slug === undefined) slugCache.set(name, (slug = computeSlug(name)));
  return slug;
}

function computeSlug(name: string): string {
  const acronym = /\(([A-Za-z]+)\)$/.exec(name);
  const words = (acronym ? acronym[1] : name)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !STOP_WORDS.has(w));
  // Whole words only, and short enough to stay well inside the 63-character label limit.
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > 40) break;
    slug = next;
  }
  return slug || 'org';
}

const STOP_WORDS = new Set(['of', 'the', 'and', 'for', 'in']);

/** Names of bodies take "the" in running text; brand-like names do not. */
const THE_PREFIX =
  /^(Ministry|Office|National|University|Open University|Agency|Telecommunications|Posts|Information|E-Government|Central|Data|Export|International|United|World|Food|Economic|Organisation|Universal|African|Global|Institute|Consortium|Centre|Alliance|Coalition|Council|Women in ICT|Accessible|Local Content|Rural|Network)\b/;
const THE_SUFFIX =
  /(Network|Association|Forum|Society|Trust|Foundation|Institute|Centre|University|Industry|Chamber|Point|Hub|Corporation|Research|Studies|Collective|Innovators|Telecentres|Team|Commission|Authority)$/;

export function withArticle(name: string): string {
  if (name.startsWith('the ') || name.startsWith('UN ') || name.startsWith('UN-')) return name;
  return THE_PREFIX.test(name) || THE_SUFFIX.test(name) ? `the ${name}` : name;
}
