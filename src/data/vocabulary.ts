/** The closed vocabularies of the stocktaking data model, as data. */

export const C7_SUBLINES = [
  'C7.e-government',
  'C7.e-business',
  'C7.e-learning',
  'C7.e-health',
  'C7.e-employment',
  'C7.e-environment',
  'C7.e-agriculture',
  'C7.e-science',
] as const;

export const MAIN_ACTION_LINES = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10', 'C11'] as const;

export const ACTION_LINES = [...MAIN_ACTION_LINES, ...C7_SUBLINES] as const;
export type ActionLine = (typeof ACTION_LINES)[number];

/** English names; translations live in src/i18n. */
export const ACTION_LINE_NAMES: Readonly<Record<ActionLine, string>> = {
  C1: 'The role of public governance authorities and all stakeholders in the promotion of ICTs for development',
  C2: 'Information and communication infrastructure',
  C3: 'Access to information and knowledge',
  C4: 'Capacity building',
  C5: 'Building confidence and security in the use of ICTs',
  C6: 'Enabling environment',
  C7: 'ICT applications: benefits in all aspects of life',
  'C7.e-government': 'E-government',
  'C7.e-business': 'E-business',
  'C7.e-learning': 'E-learning',
  'C7.e-health': 'E-health',
  'C7.e-employment': 'E-employment',
  'C7.e-environment': 'E-environment',
  'C7.e-agriculture': 'E-agriculture',
  'C7.e-science': 'E-science',
  C8: 'Cultural diversity and identity, linguistic diversity and local content',
  C9: 'Media',
  C10: 'Ethical dimensions of the Information Society',
  C11: 'International and regional cooperation',
};

export const SDGS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17] as const;
export type Sdg = (typeof SDGS)[number];

export const SDG_NAMES: Readonly<Record<Sdg, string>> = {
  1: 'No poverty',
  2: 'Zero hunger',
  3: 'Good health and well-being',
  4: 'Quality education',
  5: 'Gender equality',
  6: 'Clean water and sanitation',
  7: 'Affordable and clean energy',
  8: 'Decent work and economic growth',
  9: 'Industry, innovation and infrastructure',
  10: 'Reduced inequalities',
  11: 'Sustainable cities and communities',
  12: 'Responsible consumption and production',
  13: 'Climate action',
  14: 'Life below water',
  15: 'Life on land',
  16: 'Peace, justice and strong institutions',
  17: 'Partnerships for the goals',
};

export const ENTITY_TYPES = [
  'government',
  'private_sector',
  'civil_society',
  'international_organization',
  'academia',
  'other',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const ENTITY_TYPE_NAMES: Readonly<Record<EntityType, string>> = {
  government: 'Government',
  private_sector: 'Private sector',
  civil_society: 'Civil society',
  international_organization: 'International organization',
  academia: 'Academia',
  other: 'Other',
};

/** The six ITU regions (not the UN M49 regions). */
export const REGIONS = ['africa', 'americas', 'arab_states', 'asia_pacific', 'cis', 'europe'] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_NAMES: Readonly<Record<Region, string>> = {
  africa: 'Africa',
  americas: 'Americas',
  arab_states: 'Arab States',
  asia_pacific: 'Asia & Pacific',
  cis: 'CIS',
  europe: 'Europe',
};

export const STATUSES = ['planned', 'ongoing', 'completed'] as const;
export type Status = (typeof STATUSES)[number];

export const PRIZE_STATUSES = ['nominee', 'champion', 'winner'] as const;
export type PrizeStatus = (typeof PRIZE_STATUSES)[number];

/**
 * What the last check of an entry's website found (server/links): ok; redirected (moved permanently, see
 * `finalUrl`); broken; failing (temporarily, so far); parked (a parked or generic page).
 */
export const LINK_STATUSES = ['ok', 'redirected', 'broken', 'failing', 'parked'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

/** Country-facet key for entries with no country (international/global). */
export const INTERNATIONAL = 'INTL';

export function isC7(line: string): boolean {
  return line === 'C7' || line.startsWith('C7.');
}

/** The filters a search can carry, in the order chips and links list them. */
export const FILTER_KEYS = [
  'actionLine',
  'sdg',
  'country',
  'region',
  'entityType',
  'status',
  'organization',
  'prize',
  'link',
] as const;
