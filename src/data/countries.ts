import type { Region } from './vocabulary.js';

/**
 * Every officially assigned ISO 3166-1 alpha-2 code (249) mapped to its ITU region
 * (ITU-D regional classification: Africa, Americas, Arab States, Asia & Pacific, CIS, Europe).
 * These are NOT the UN M49 regions.
 *
 * Judgement calls:
 * - arab_states: the 22 Arab League members, including the African ones (DJ, DZ, EG, KM, LY,
 *   MA, MR, SD, SO, TN), plus Western Sahara (EH).
 * - cis: ITU-D's CIS region; GE (Georgia) and UA (Ukraine) are included because ITU still
 *   lists them in that region, although neither is a CIS member any more.
 * - Dependent territories follow geography (not the sovereign), e.g. GL (Greenland) and
 *   PM/BL/MF/GP/MQ/GF → americas, RE/YT → africa, NC/PF/WF → asia_pacific.
 * - Territories with no resident population or no obvious region:
 *   AQ (Antarctica) → asia_pacific (arbitrary; largest claimants are Australia and New Zealand),
 *   BV (Bouvet Island, Norway) → europe (like SJ), GS (South Georgia) → americas (next to FK),
 *   HM (Heard & McDonald, Australia) → asia_pacific, IO (Chagos, claimed by Mauritius) → africa,
 *   TF (French Southern Territories, incl. the islands around Madagascar) → africa.
 * - XK (Kosovo) is a user-assigned code, not officially assigned, so it is omitted.
 */
// Grouped by region, one string each: shorter in the widget script than one key per code.
const CODES_BY_REGION: Readonly<Record<Region, string>> = {
  africa: [
    'AO BF BI BJ BW CD CF CG CI CM CV ER ET GA GH GM GN GQ GW IO KE LR LS MG ML MU MW MZ NA NE',
    'NG RE RW SC SH SL SN SS ST SZ TD TF TG TZ UG YT ZA ZM ZW',
  ].join(' '),
  americas: [
    'AG AI AR AW BB BL BM BO BQ BR BS BZ CA CL CO CR CU CW DM DO EC FK GD GF GL GP GS GT GY HN',
    'HT JM KN KY LC MF MQ MS MX NI PA PE PM PR PY SR SV SX TC TT US UY VC VE VG VI',
  ].join(' '),
  arab_states: ['AE BH DJ DZ EG EH IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE'].join(' '),
  asia_pacific: [
    'AF AQ AS AU BD BN BT CC CK CN CX FJ FM GU HK HM ID IN IR JP KH KI KP KR LA LK MH MM MN MO',
    'MP MV MY NC NF NP NR NU NZ PF PG PH PK PN PW SB SG TH TK TL TO TV TW UM VN VU WF WS',
  ].join(' '),
  cis: ['AM AZ BY GE KG KZ MD RU TJ TM UA UZ'].join(' '),
  europe: [
    'AD AL AT AX BA BE BG BV CH CY CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IL IM IS IT JE',
    'LI LT LU LV MC ME MK MT NL NO PL PT RO RS SE SI SJ SK SM TR VA',
  ].join(' '),
};

export const COUNTRY_REGION: Readonly<Record<string, Region>> = Object.freeze(
  Object.fromEntries(
    Object.entries(CODES_BY_REGION)
      .flatMap(([region, codes]) => codes.split(' ').map((code) => [code, region as Region]))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  ),
);

/** All 249 codes, in alphabetical order. */
export const COUNTRY_CODES: readonly string[] = Object.keys(COUNTRY_REGION);

/** Whether `code` is one of the codes, exactly; own keys only, so `__proto__` or `toString` are not codes. */
export function isCountryCode(code: string): boolean {
  return Object.hasOwn(COUNTRY_REGION, code);
}

/** The ITU region of an ISO 3166-1 alpha-2 code (case-insensitive), or undefined if unknown. */
export function regionOf(code: string): Region | undefined {
  const key = code.trim().toUpperCase();
  return isCountryCode(key) ? COUNTRY_REGION[key] : undefined;
}
