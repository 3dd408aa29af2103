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
// Compact layout (one line per initial letter) keeps all 249 codes reviewable on one screen.
// prettier-ignore
export const COUNTRY_REGION: Readonly<Record<string, Region>> = {
  AD: 'europe', AE: 'arab_states', AF: 'asia_pacific', AG: 'americas', AI: 'americas', AL: 'europe', AM: 'cis', AO: 'africa', AQ: 'asia_pacific', AR: 'americas', AS: 'asia_pacific', AT: 'europe', AU: 'asia_pacific', AW: 'americas', AX: 'europe', AZ: 'cis',
  BA: 'europe', BB: 'americas', BD: 'asia_pacific', BE: 'europe', BF: 'africa', BG: 'europe', BH: 'arab_states', BI: 'africa', BJ: 'africa', BL: 'americas', BM: 'americas', BN: 'asia_pacific', BO: 'americas', BQ: 'americas', BR: 'americas', BS: 'americas', BT: 'asia_pacific', BV: 'europe', BW: 'africa', BY: 'cis', BZ: 'americas',
  CA: 'americas', CC: 'asia_pacific', CD: 'africa', CF: 'africa', CG: 'africa', CH: 'europe', CI: 'africa', CK: 'asia_pacific', CL: 'americas', CM: 'africa', CN: 'asia_pacific', CO: 'americas', CR: 'americas', CU: 'americas', CV: 'africa', CW: 'americas', CX: 'asia_pacific', CY: 'europe', CZ: 'europe',
  DE: 'europe', DJ: 'arab_states', DK: 'europe', DM: 'americas', DO: 'americas', DZ: 'arab_states',
  EC: 'americas', EE: 'europe', EG: 'arab_states', EH: 'arab_states', ER: 'africa', ES: 'europe', ET: 'africa',
  FI: 'europe', FJ: 'asia_pacific', FK: 'americas', FM: 'asia_pacific', FO: 'europe', FR: 'europe',
  GA: 'africa', GB: 'europe', GD: 'americas', GE: 'cis', GF: 'americas', GG: 'europe', GH: 'africa', GI: 'europe', GL: 'americas', GM: 'africa', GN: 'africa', GP: 'americas', GQ: 'africa', GR: 'europe', GS: 'americas', GT: 'americas', GU: 'asia_pacific', GW: 'africa', GY: 'americas',
  HK: 'asia_pacific', HM: 'asia_pacific', HN: 'americas', HR: 'europe', HT: 'americas', HU: 'europe',
  ID: 'asia_pacific', IE: 'europe', IL: 'europe', IM: 'europe', IN: 'asia_pacific', IO: 'africa', IQ: 'arab_states', IR: 'asia_pacific', IS: 'europe', IT: 'europe',
  JE: 'europe', JM: 'americas', JO: 'arab_states', JP: 'asia_pacific',
  KE: 'africa', KG: 'cis', KH: 'asia_pacific', KI: 'asia_pacific', KM: 'arab_states', KN: 'americas', KP: 'asia_pacific', KR: 'asia_pacific', KW: 'arab_states', KY: 'americas', KZ: 'cis',
  LA: 'asia_pacific', LB: 'arab_states', LC: 'americas', LI: 'europe', LK: 'asia_pacific', LR: 'africa', LS: 'africa', LT: 'europe', LU: 'europe', LV: 'europe', LY: 'arab_states',
  MA: 'arab_states', MC: 'europe', MD: 'cis', ME: 'europe', MF: 'americas', MG: 'africa', MH: 'asia_pacific', MK: 'europe', ML: 'africa', MM: 'asia_pacific', MN: 'asia_pacific', MO: 'asia_pacific', MP: 'asia_pacific', MQ: 'americas', MR: 'arab_states', MS: 'americas', MT: 'europe', MU: 'africa', MV: 'asia_pacific', MW: 'africa', MX: 'americas', MY: 'asia_pacific', MZ: 'africa',
  NA: 'africa', NC: 'asia_pacific', NE: 'africa', NF: 'asia_pacific', NG: 'africa', NI: 'americas', NL: 'europe', NO: 'europe', NP: 'asia_pacific', NR: 'asia_pacific', NU: 'asia_pacific', NZ: 'asia_pacific',
  OM: 'arab_states',
  PA: 'americas', PE: 'americas', PF: 'asia_pacific', PG: 'asia_pacific', PH: 'asia_pacific', PK: 'asia_pacific', PL: 'europe', PM: 'americas', PN: 'asia_pacific', PR: 'americas', PS: 'arab_states', PT: 'europe', PW: 'asia_pacific', PY: 'americas',
  QA: 'arab_states',
  RE: 'africa', RO: 'europe', RS: 'europe', RU: 'cis', RW: 'africa',
  SA: 'arab_states', SB: 'asia_pacific', SC: 'africa', SD: 'arab_states', SE: 'europe', SG: 'asia_pacific', SH: 'africa', SI: 'europe', SJ: 'europe', SK: 'europe', SL: 'africa', SM: 'europe', SN: 'africa', SO: 'arab_states', SR: 'americas', SS: 'africa', ST: 'africa', SV: 'americas', SX: 'americas', SY: 'arab_states', SZ: 'africa',
  TC: 'americas', TD: 'africa', TF: 'africa', TG: 'africa', TH: 'asia_pacific', TJ: 'cis', TK: 'asia_pacific', TL: 'asia_pacific', TM: 'cis', TN: 'arab_states', TO: 'asia_pacific', TR: 'europe', TT: 'americas', TV: 'asia_pacific', TW: 'asia_pacific', TZ: 'africa',
  UA: 'cis', UG: 'africa', UM: 'asia_pacific', US: 'americas', UY: 'americas', UZ: 'cis',
  VA: 'europe', VC: 'americas', VE: 'americas', VG: 'americas', VI: 'americas', VN: 'asia_pacific', VU: 'asia_pacific',
  WF: 'asia_pacific', WS: 'asia_pacific',
  YE: 'arab_states', YT: 'africa',
  ZA: 'africa', ZM: 'africa', ZW: 'africa',
};

/** All 249 codes, in alphabetical order. */
export const COUNTRY_CODES: readonly string[] = Object.keys(COUNTRY_REGION);

/** The ITU region of an ISO 3166-1 alpha-2 code (case-insensitive), or undefined if unknown. */
export function regionOf(code: string): Region | undefined {
  const key = code.trim().toUpperCase();
  return Object.prototype.hasOwnProperty.call(COUNTRY_REGION, key) ? COUNTRY_REGION[key] : undefined;
}
