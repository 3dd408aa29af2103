/**
 * Hand-written entry texts in the six UN languages. Real stocktaking entries are written in all
 * of them, so the sample carries some too: the judged relevance set (bench/relevance/) and the
 * search tests query them by key.
 */

export type SampleLang = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';

export interface LocalText {
  key: string;
  lang: SampleLang;
  title: string;
  description: string;
}

const zh: Omit<LocalText, 'lang'>[] = [
  {
    key: 'zh-telehealth',
    title: '远程医疗健康服务平台',
    description:
      '该平台为偏远地区的居民提供在线问诊、电子病历和健康咨询服务。乡村医生可以通过视频与城市医院的专家一起为患者进行远程诊断。',
  },
  {
    key: 'zh-agri-iot',
    title: '智慧农业物联网项目',
    description: '项目在农田部署传感器网络，实时监测土壤湿度和气象数据，帮助农民科学灌溉和施肥，提高粮食产量。',
  },
  {
    key: 'zh-broadband',
    title: '农村宽带网络普及工程',
    description: '工程为偏远山区的村庄铺设光纤网络，使农村学校和卫生院接入高速互联网。',
  },
  {
    key: 'zh-elearning',
    title: '中小学在线教育资源平台',
    description: '平台向中小学生免费提供数字化课程和教师培训资源，缩小城乡教育差距。',
  },
  {
    key: 'zh-egov',
    title: '一站式电子政务服务平台',
    description: '市民可以在线办理社保、户籍和税务等政务服务，减少排队等候的时间。',
  },
  {
    key: 'zh-cyber',
    title: '网络安全人才培养计划',
    description: '计划与高校合作培养网络安全专业人才，提高关键信息基础设施的防护能力。',
  },
  {
    key: 'zh-mobile-pay',
    title: '移动支付普惠金融项目',
    description: '项目通过手机银行和移动支付，为农村小微企业和个体商户提供便捷的金融服务。',
  },
  {
    key: 'zh-air',
    title: '城市空气质量监测网络',
    description: '利用物联网传感器和大数据分析，实时发布空气污染信息，支持城市环境治理。',
  },
  {
    key: 'zh-elderly',
    title: '老年人数字技能培训项目',
    description: '志愿者帮助老年人学习使用智能手机、网上挂号和视频通话，弥合数字鸿沟。',
  },
  {
    key: 'zh-ai',
    title: '人工智能辅助诊断系统',
    description: '系统利用人工智能分析医学影像，帮助基层医院提高疾病诊断的准确率。',
  },
];

const ar: Omit<LocalText, 'lang'>[] = [
  {
    key: 'ar-health',
    title: 'منصة الصحة الرقمية للمناطق الريفية',
    description:
      'توفر المنصة خدمات الصحة عن بعد والاستشارات الطبية للمرضى في القرى. ويستطيع الأطباء متابعة الملفات الطبية إلكترونيا.',
  },
  {
    key: 'ar-egov',
    title: 'بوابة الحكومة الإلكترونية الموحدة',
    description: 'تتيح البوابة للمواطنين إنجاز المعاملات الحكومية وتجديد الوثائق عبر الإنترنت دون زيارة المكاتب.',
  },
  {
    key: 'ar-education',
    title: 'مبادرة التعليم الإلكتروني للمدارس',
    description: 'تقدم المبادرة دروسا رقمية ومنصة تعلم تفاعلية للطلاب والمعلمين في المدارس الحكومية.',
  },
  {
    key: 'ar-cyber',
    title: 'البرنامج الوطني للأمن السيبراني',
    description:
      'يهدف البرنامج إلى حماية البنية التحتية الحيوية وتدريب الكوادر الوطنية على مواجهة الهجمات الإلكترونية.',
  },
  {
    key: 'ar-broadband',
    title: 'مشروع توسيع شبكات النطاق العريض',
    description: 'يوصل المشروع خدمات الإنترنت عالي السرعة إلى المناطق النائية والمدارس والمستشفيات.',
  },
  {
    key: 'ar-women',
    title: 'تمكين المرأة في الاقتصاد الرقمي',
    description: 'برنامج تدريبي يساعد النساء على اكتساب المهارات الرقمية وإطلاق مشاريعهن عبر التجارة الإلكترونية.',
  },
  {
    key: 'ar-agri',
    title: 'الزراعة الذكية وإدارة المياه',
    description: 'يستخدم المشروع أجهزة الاستشعار لمراقبة رطوبة التربة وترشيد استهلاك المياه في المزارع.',
  },
  {
    key: 'ar-youth',
    title: 'أكاديمية البرمجة للشباب',
    description: 'تدرب الأكاديمية الشباب على البرمجة وتطوير التطبيقات والذكاء الاصطناعي لتعزيز فرص العمل.',
  },
  {
    key: 'ar-library',
    title: 'المكتبة الرقمية للمحتوى العربي',
    description: 'تجمع المكتبة الكتب والمخطوطات والمحتوى الثقافي باللغة العربية وتتيحها مجانا للقراء.',
  },
  {
    key: 'ar-open-data',
    title: 'منصة البيانات الحكومية المفتوحة',
    description: 'تنشر المنصة البيانات الإحصائية للوزارات لدعم البحث العلمي والشفافية والابتكار.',
  },
];

const en: Omit<LocalText, 'lang'>[] = [
  {
    key: 'en-ai-tutor',
    title: 'AI Tutors for Rural Schools',
    description:
      "An AI teaching assistant answers pupils' questions in their own language and helps teachers plan lessons. The AI models run offline on low-cost tablets.",
  },
  {
    key: 'en-ai-eye',
    title: 'AI Screening for Diabetic Eye Disease',
    description:
      'Clinics use an AI model to read retinal photographs and refer patients at risk of blindness to an eye specialist.',
  },
  {
    key: 'en-indoor-air',
    title: 'Indoor Air Quality Sensors for Classrooms',
    description:
      'Low-cost sensors measure carbon dioxide and fine particles in classrooms and alert teachers when windows should be opened.',
  },
  {
    key: 'en-disability',
    title: 'Accessible Digital Services for Persons with Disabilities',
    description:
      'The programme audits public websites against accessibility standards and trains developers to build services that screen-reader users can navigate.',
  },
  {
    key: 'en-farmer-sms',
    title: 'Market Prices by SMS for Smallholder Farmers',
    description:
      'Farmers receive daily crop prices and weather alerts by text message, so they can choose when and where to sell their harvest.',
  },
  {
    key: 'en-open-data-policy',
    title: 'Open Data Policies for City Governments',
    description:
      'A toolkit helps municipalities draft open data policies, publish datasets in machine-readable formats and measure their reuse.',
  },
  {
    key: 'en-sign-language',
    title: 'Sign Language Video Relay Service',
    description:
      'Deaf citizens reach hospitals, banks and public offices through video calls with sign language interpreters.',
  },
  {
    key: 'en-fishers',
    title: 'Satellite Boat Tracking for Coastal Fishers',
    description:
      'Small fishing boats carry solar-powered trackers, so that rescue teams can find crews in distress and fishers can prove where they fished.',
  },
  {
    key: 'en-voter',
    title: 'Biometric Voter Registration',
    description:
      'Election officials register voters with fingerprints and photographs, and publish the voter roll for public review before election day.',
  },
  {
    key: 'en-library',
    title: 'Community Libraries as Digital Hubs',
    description: 'Public libraries lend laptops, offer free internet access and run coding clubs for teenagers.',
  },
];

const fr: Omit<LocalText, 'lang'>[] = [
  {
    key: 'fr-telemedecine',
    title: 'Télémédecine pour les centres de santé ruraux',
    description:
      "Les médecins des hôpitaux régionaux consultent à distance les patients des dispensaires ruraux. Le projet équipe chaque centre de santé d'une connexion par satellite.",
  },
  {
    key: 'fr-ecoles',
    title: 'Écoles numériques au Sahel',
    description:
      'Des tablettes et des contenus pédagogiques en langues nationales sont fournis aux écoles primaires, et les enseignants sont formés à leur utilisation.',
  },
  {
    key: 'fr-agriculteurs',
    title: 'Conseil agricole par téléphone mobile',
    description:
      'Les agriculteurs reçoivent des conseils sur les semences, la météo et les prix du marché par messages vocaux.',
  },
  {
    key: 'fr-guichet',
    title: 'Guichet unique des démarches administratives en ligne',
    description:
      "Les citoyens et les entreprises effectuent leurs démarches administratives en ligne, de la création d'entreprise à l'état civil.",
  },
  {
    key: 'fr-cyber',
    title: 'Centre national de réponse aux incidents de cybersécurité',
    description:
      'Le centre surveille les menaces, coordonne la réponse aux incidents et sensibilise les administrations à la sécurité informatique.',
  },
  {
    key: 'fr-femmes',
    title: 'Femmes et entrepreneuriat numérique',
    description:
      "Un incubateur accompagne les entrepreneuses dans la création de services numériques et l'accès au financement.",
  },
  {
    key: 'fr-donnees',
    title: 'Protection des données personnelles',
    description:
      "L'autorité de régulation forme les responsables de traitement et publie des guides sur la protection de la vie privée.",
  },
  {
    key: 'fr-radio',
    title: 'Radios communautaires et information locale',
    description:
      "Des stations de radio communautaires diffusent des émissions en langues locales sur la santé, l'agriculture et la citoyenneté.",
  },
  {
    key: 'fr-handicap',
    title: 'Accessibilité numérique pour les personnes handicapées',
    description:
      'Les sites publics sont rendus accessibles aux lecteurs d’écran et les agents sont formés à l’accueil des usagers handicapés.',
  },
  {
    key: 'fr-fibre',
    title: 'Déploiement de la fibre optique en zone rurale',
    description: 'Le réseau de fibre optique relie les communes rurales, leurs écoles et leurs mairies au haut débit.',
  },
];

const ru: Omit<LocalText, 'lang'>[] = [
  {
    key: 'ru-telemed',
    title: 'Телемедицина для сельских больниц',
    description:
      'Врачи областных клиник проводят дистанционные консультации для пациентов сельских больниц и фельдшерских пунктов.',
  },
  {
    key: 'ru-gosuslugi',
    title: 'Портал государственных услуг',
    description:
      'Граждане получают государственные услуги в электронном виде: оформление документов, запись к врачу и оплату налогов.',
  },
  {
    key: 'ru-school',
    title: 'Цифровая образовательная среда для школ',
    description: 'Школы получают доступ к электронным учебникам, а учителя проходят курсы повышения квалификации.',
  },
  {
    key: 'ru-cyber',
    title: 'Центр кибербезопасности',
    description: 'Центр обучает специалистов по информационной безопасности и реагирует на компьютерные инциденты.',
  },
  {
    key: 'ru-broadband',
    title: 'Широкополосный доступ в отдалённых сёлах',
    description: 'Проект подключает отдалённые сёла к высокоскоростному интернету по оптоволоконным линиям связи.',
  },
  {
    key: 'ru-agri',
    title: 'Цифровое сельское хозяйство',
    description: 'Фермеры используют датчики и спутниковые снимки для контроля посевов и полива.',
  },
  {
    key: 'ru-elderly',
    title: 'Компьютерная грамотность для пожилых людей',
    description: 'Волонтёры обучают пожилых людей пользоваться смартфоном, электронной почтой и порталом госуслуг.',
  },
  {
    key: 'ru-open-data',
    title: 'Открытые данные правительства',
    description:
      'Министерства публикуют наборы открытых данных в машиночитаемом формате для исследователей и журналистов.',
  },
  {
    key: 'ru-library',
    title: 'Национальная электронная библиотека',
    description: 'Библиотека оцифровывает редкие книги и рукописи и открывает к ним бесплатный доступ через интернет.',
  },
  {
    key: 'ru-ai',
    title: 'Искусственный интеллект в медицине',
    description: 'Нейросеть анализирует рентгеновские снимки и помогает врачам раньше выявлять заболевания лёгких.',
  },
];

const es: Omit<LocalText, 'lang'>[] = [
  {
    key: 'es-telesalud',
    title: 'Telesalud para comunidades rurales',
    description:
      'Médicos especialistas atienden por videoconsulta a pacientes de comunidades rurales e indígenas, y los centros de salud comparten la historia clínica electrónica.',
  },
  {
    key: 'es-educacion',
    title: 'Educación digital en escuelas públicas',
    description:
      'Las escuelas públicas reciben computadoras portátiles y los docentes se forman en el uso pedagógico de la tecnología.',
  },
  {
    key: 'es-agro',
    title: 'Agricultura de precisión para pequeños productores',
    description:
      'Los productores consultan en su teléfono mapas de humedad del suelo y pronósticos del tiempo para planificar la siembra.',
  },
  {
    key: 'es-tramites',
    title: 'Gobierno electrónico municipal',
    description:
      'Los vecinos realizan trámites en línea, pagan impuestos y solicitan permisos sin acudir a la alcaldía.',
  },
  {
    key: 'es-ciber',
    title: 'Estrategia nacional de ciberseguridad',
    description:
      'La estrategia crea un equipo de respuesta a incidentes y forma a funcionarios en seguridad de la información.',
  },
  {
    key: 'es-mujeres',
    title: 'Mujeres en tecnología',
    description: 'Becas y mentorías para que niñas y mujeres jóvenes estudien programación e ingeniería.',
  },
  {
    key: 'es-conectividad',
    title: 'Conectividad para zonas rurales',
    description:
      'Puntos de acceso inalámbrico gratuitos llevan internet a plazas, bibliotecas y escuelas de zonas rurales.',
  },
  {
    key: 'es-pagos',
    title: 'Pagos móviles e inclusión financiera',
    description: 'Una billetera móvil permite a comerciantes y familias sin cuenta bancaria enviar y recibir dinero.',
  },
  {
    key: 'es-datos',
    title: 'Datos abiertos para la transparencia',
    description: 'El portal publica contratos y presupuestos públicos en formatos abiertos para el control ciudadano.',
  },
  {
    key: 'es-discapacidad',
    title: 'Accesibilidad para personas con discapacidad',
    description:
      'Los servicios digitales del Estado se adaptan a lectores de pantalla y se publican en lengua de señas y lectura fácil.',
  },
];

const BY_LANG: Record<SampleLang, Omit<LocalText, 'lang'>[]> = { zh, ar, en, fr, ru, es };
const LANGS = Object.keys(BY_LANG) as SampleLang[];

/** Interleaved by language, so any run of the sample long enough to hold some holds every language. */
export const LOCAL_TEXTS: readonly LocalText[] = Array.from({ length: zh.length }, (_, i) =>
  LANGS.map((lang) => ({ lang, ...BY_LANG[lang][i] })),
).flat();

/** Every `LOCAL_EVERY`th entry (at offset LOCAL_OFFSET) takes the next local text while they last. */
export const LOCAL_EVERY = 20;
const LOCAL_OFFSET = 7;

/** The local text of the entry at `index`, if it has one. */
export function localTextAt(index: number): LocalText | undefined {
  if (index % LOCAL_EVERY !== LOCAL_OFFSET) return undefined;
  return LOCAL_TEXTS[(index - LOCAL_OFFSET) / LOCAL_EVERY];
}

/** The entry index that carries a local text, by key. */
export function localTextIndex(key: string): number {
  const k = LOCAL_TEXTS.findIndex((t) => t.key === key);
  if (k < 0) throw new Error(`no local text "${key}"`);
  return k * LOCAL_EVERY + LOCAL_OFFSET;
}
