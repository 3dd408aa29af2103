/**
 * The judged relevance set: for each query, the sample entries that should come first, by the key
 * of their local text (scripts/sample/multilingual.ts), graded 2 (what the visitor is after) or
 * 1 (also relevant). Queries are what a visitor types: bare words, other inflections, other
 * spellings (no accents, alef forms), and words inside a run of Chinese characters.
 */
import type { SampleLang } from '../../scripts/sample/multilingual.js';

export interface Judgment {
  lang: SampleLang;
  q: string;
  relevant: Record<string, 1 | 2>;
}

const judged = (lang: SampleLang, rows: [q: string, relevant: Record<string, 1 | 2>][]): Judgment[] =>
  rows.map(([q, relevant]) => ({ lang, q, relevant }));

export const JUDGMENTS: readonly Judgment[] = [
  ...judged('zh', [
    ['医疗', { 'zh-telehealth': 2 }],
    ['健康', { 'zh-telehealth': 2 }],
    ['物联网', { 'zh-agri-iot': 2, 'zh-air': 2 }],
    ['远程医疗', { 'zh-telehealth': 2 }],
    ['农业', { 'zh-agri-iot': 2 }],
    ['宽带', { 'zh-broadband': 2 }],
    ['在线教育', { 'zh-elearning': 2 }],
    ['电子政务', { 'zh-egov': 2 }],
    ['网络安全', { 'zh-cyber': 2 }],
    ['移动支付', { 'zh-mobile-pay': 2 }],
    ['空气质量', { 'zh-air': 2 }],
    ['数字技能', { 'zh-elderly': 2 }],
    ['人工智能', { 'zh-ai': 2 }],
    ['诊断', { 'zh-ai': 2, 'zh-telehealth': 2 }],
    ['传感器', { 'zh-agri-iot': 2, 'zh-air': 2 }],
    ['老年人', { 'zh-elderly': 2 }],
  ]),
  ...judged('ar', [
    ['صحة', { 'ar-health': 2 }],
    ['الصحة', { 'ar-health': 2 }],
    ['والصحة', { 'ar-health': 2 }],
    ['الحكومة الإلكترونية', { 'ar-egov': 2 }],
    ['تعليم', { 'ar-education': 2 }],
    ['الامن السيبراني', { 'ar-cyber': 2 }],
    ['النطاق العريض', { 'ar-broadband': 2 }],
    ['المرأة', { 'ar-women': 2 }],
    ['زراعة', { 'ar-agri': 2 }],
    ['مياه', { 'ar-agri': 2 }],
    ['البرمجة', { 'ar-youth': 2 }],
    ['الذكاء الاصطناعي', { 'ar-youth': 2 }],
    ['المكتبة الرقمية', { 'ar-library': 2 }],
    ['بيانات مفتوحة', { 'ar-open-data': 2 }],
    ['اطباء', { 'ar-health': 2 }],
    ['مدارس', { 'ar-education': 2, 'ar-broadband': 1 }],
  ]),
  ...judged('en', [
    ['AI', { 'en-ai-tutor': 2, 'en-ai-eye': 2 }],
    ['AI tutors', { 'en-ai-tutor': 2 }],
    ['AI tutor', { 'en-ai-tutor': 2 }],
    ['disability', { 'en-disability': 2 }],
    ['persons with disability', { 'en-disability': 2 }],
    ['farmer sms', { 'en-farmer-sms': 2 }],
    ['smallholder farmer', { 'en-farmer-sms': 2 }],
    ['open data policy', { 'en-open-data-policy': 2 }],
    ['indoor air quality', { 'en-indoor-air': 2 }],
    ['classroom sensor', { 'en-indoor-air': 2 }],
    ['sign language', { 'en-sign-language': 2 }],
    ['coastal fisher', { 'en-fishers': 2 }],
    ['voter registration', { 'en-voter': 2 }],
    ['community library', { 'en-library': 2 }],
    ['diabetic eye', { 'en-ai-eye': 2 }],
    ['retinal photograph', { 'en-ai-eye': 2 }],
  ]),
  ...judged('fr', [
    ['télémédecine', { 'fr-telemedecine': 2 }],
    ['telemedecine', { 'fr-telemedecine': 2 }],
    ['centre de sante', { 'fr-telemedecine': 2 }],
    ['ecoles numeriques', { 'fr-ecoles': 2 }],
    ['agriculteurs', { 'fr-agriculteurs': 2 }],
    ['démarches administratives', { 'fr-guichet': 2 }],
    ['cybersecurite', { 'fr-cyber': 2 }],
    ['femmes entrepreneuriat', { 'fr-femmes': 2 }],
    ['données personnelles', { 'fr-donnees': 2 }],
    ['radio communautaire', { 'fr-radio': 2 }],
    ['accessibilite numerique', { 'fr-handicap': 2 }],
    ['handicapées', { 'fr-handicap': 2 }],
    ['fibre optique', { 'fr-fibre': 2 }],
    ['ÉCOLES', { 'fr-ecoles': 2 }],
    ['vie privée', { 'fr-donnees': 2 }],
    ['ecole numerique', { 'fr-ecoles': 2 }],
    ['personne handicapee', { 'fr-handicap': 2 }],
  ]),
  ...judged('ru', [
    ['телемедицина', { 'ru-telemed': 2 }],
    ['государственных услуг', { 'ru-gosuslugi': 2 }],
    ['ШКОЛ', { 'ru-school': 2 }],
    ['кибербезопасности', { 'ru-cyber': 2 }],
    ['отдаленных селах', { 'ru-broadband': 2 }],
    ['сельское хозяйство', { 'ru-agri': 2 }],
    ['пожилых людей', { 'ru-elderly': 2 }],
    ['открытые данные', { 'ru-open-data': 2 }],
    ['электронная библиотека', { 'ru-library': 2 }],
    ['искусственный интеллект', { 'ru-ai': 2 }],
    ['волонтеры', { 'ru-elderly': 2 }],
    ['сельских больниц', { 'ru-telemed': 2 }],
    ['информационной безопасности', { 'ru-cyber': 2 }],
    ['легких', { 'ru-ai': 2 }],
    ['учебникам', { 'ru-school': 2 }],
  ]),
  ...judged('es', [
    ['telesalud', { 'es-telesalud': 2 }],
    ['salud rural', { 'es-telesalud': 2 }],
    ['educacion digital', { 'es-educacion': 2 }],
    ['agricultura de precision', { 'es-agro': 2 }],
    ['gobierno electronico', { 'es-tramites': 2 }],
    ['tramites en linea', { 'es-tramites': 2 }],
    ['ciberseguridad', { 'es-ciber': 2 }],
    ['mujeres en tecnologia', { 'es-mujeres': 2 }],
    ['conectividad rural', { 'es-conectividad': 2 }],
    ['pagos moviles', { 'es-pagos': 2 }],
    ['inclusión financiera', { 'es-pagos': 2 }],
    ['datos abiertos', { 'es-datos': 2 }],
    ['discapacidad', { 'es-discapacidad': 2 }],
    ['NIÑAS', { 'es-mujeres': 2 }],
    ['historia clinica', { 'es-telesalud': 2 }],
    ['escuela publica', { 'es-educacion': 2 }],
    ['mujer joven', { 'es-mujeres': 2 }],
  ]),
];
