// The manage page: language from ?lang= (else the browser's), the entry to open from ?entry=
// (the search widget's "Update this entry" link); the language picked is kept in the address.
const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
const manage = document.querySelector('wsis-manage');
const params = new URLSearchParams(location.search);

const pick = (tag) => {
  const base = (tag || '').toLowerCase().split(/[-_]/)[0];
  return LANGS.includes(base) ? base : undefined;
};

function applyLang(lang) {
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
  manage.setAttribute('lang', lang);
}

applyLang(pick(params.get('lang')) || pick(navigator.language) || 'en');
const entry = params.get('entry');
if (entry) manage.setAttribute('entry', entry);

manage.addEventListener('wsis-lang-change', (event) => {
  applyLang(event.detail.lang);
  const url = new URL(location.href);
  url.searchParams.set('lang', event.detail.lang);
  history.replaceState(null, '', url);
});
