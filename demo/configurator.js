// Builds the embed code from the form; the preview is made from the same description, so they match.

const ACTION_LINES = [
  ['C1', 'Role of governance authorities'],
  ['C2', 'Infrastructure'],
  ['C3', 'Access to information and knowledge'],
  ['C4', 'Capacity building'],
  ['C5', 'Confidence and security'],
  ['C6', 'Enabling environment'],
  ['C7', 'ICT applications (all)'],
  ['C7.e-government', 'E-government'],
  ['C7.e-business', 'E-business'],
  ['C7.e-learning', 'E-learning'],
  ['C7.e-health', 'E-health'],
  ['C7.e-employment', 'E-employment'],
  ['C7.e-environment', 'E-environment'],
  ['C7.e-agriculture', 'E-agriculture'],
  ['C7.e-science', 'E-science'],
  ['C8', 'Cultural and linguistic diversity'],
  ['C9', 'Media'],
  ['C10', 'Ethical dimensions'],
  ['C11', 'International and regional cooperation'],
];

/** The children each part adds in the composed layout. */
const PARTS = {
  search: [['wsis-search-box']],
  filters: [
    ['wsis-action-line-filter'],
    ['wsis-facet-filter', [['facet', 'sdg']]],
    ['wsis-facet-filter', [['facet', 'region']]],
    ['wsis-facet-filter', [['facet', 'entityType']]],
    ['wsis-filter-chips'],
  ],
  map: [['wsis-country-map']],
  list: [['wsis-entry-list']],
  export: [['wsis-export']],
};

const COLOURS = ['color-primary', 'color-surface', 'color-text'];
const form = document.getElementById('settings');
const preview = document.getElementById('preview');
const snippet = document.getElementById('snippet');
const copyStatus = document.getElementById('copy-status');
const absolute = (path) => new URL(path, location.origin).href;

/** Where the embed code loads the script from; the versioned file and its hash once integrity.json is read. */
let script = { src: absolute('/dist/wsis-stocktaking.js') };

for (const [value, label] of ACTION_LINES) {
  const option = document.createElement('option');
  option.value = value;
  option.textContent = `${value} · ${label}`;
  form.elements.actionLines.append(option);
}

/** A comma inside an organization name is written `\,`, as <wsis-stocktaking> expects. */
const escapeListItem = (value) => value.replace(/\\/g, '\\\\').replace(/,/g, '\\,');
const lines = (text) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The form as an element description: tag, attributes in order, children. */
function describe() {
  const f = form.elements;
  const attrs = [];
  if (f.source.value === 'src') attrs.push(['src', f.srcUrl.value.trim() ? absolute(f.srcUrl.value.trim()) : '']);
  else attrs.push(['api', absolute('/api/v1')]);
  attrs.push(['lang', f.lang.value]);
  if (f.theme.value !== 'default') attrs.push(['theme', f.theme.value]);
  if (f.customColours.checked) {
    attrs.push(['tokens', JSON.stringify(Object.fromEntries(COLOURS.map((name) => [name, f[name].value])))]);
  }
  const organizations = lines(f.organizations.value);
  if (organizations.length) attrs.push(['scope-organization', organizations.map(escapeListItem).join(',')]);
  const countries = [...f.countries.selectedOptions].map((o) => o.value);
  if (countries.length) attrs.push(['scope-country', countries.join(',')]);
  const actionLines = [...f.actionLines.selectedOptions].map((o) => o.value);
  if (actionLines.length) attrs.push(['scope-action-line', actionLines.join(',')]);
  if (f.syncUrl.checked) attrs.push(['sync-url', 'st']);

  const children =
    f.layout.value === 'composed'
      ? [...form.querySelectorAll('input[name="parts"]:checked')].flatMap((box) => PARTS[box.value])
      : [];
  return {
    tag: 'wsis-stocktaking',
    attrs,
    children: children.map(([tag, childAttrs = []]) => ({ tag, attrs: childAttrs })),
  };
}

function toElement({ tag, attrs, children = [] }) {
  const el = document.createElement(tag);
  for (const [name, value] of attrs) el.setAttribute(name, value);
  for (const child of children) el.append(toElement(child));
  return el;
}

function attribute([name, value]) {
  const text = value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  // JSON reads better in single quotes than with every quote escaped.
  return value.includes('"') && !value.includes("'")
    ? `${name}='${text}'`
    : `${name}="${text.replace(/"/g, '&quot;')}"`;
}

function toHtml({ tag, attrs, children }) {
  const scriptAttrs = [['src', script.src]];
  if (script.integrity) scriptAttrs.push(['integrity', script.integrity], ['crossorigin', 'anonymous']);
  const scriptTag =
    scriptAttrs.length > 1
      ? `<script\n  ${scriptAttrs.map(attribute).join('\n  ')}\n></script>`
      : `<script ${attribute(scriptAttrs[0])}></script>`;
  const open =
    attrs.length > 2
      ? `<${tag}\n  ${attrs.map(attribute).join('\n  ')}\n>`
      : `<${tag} ${attrs.map(attribute).join(' ')}>`;
  const inner = children.map((c) => `\n  <${[c.tag, ...c.attrs.map(attribute)].join(' ')}></${c.tag}>`).join('');
  return `${scriptTag}\n${open}${inner}${inner ? '\n' : ''}</${tag}>\n`;
}

function update() {
  const f = form.elements;
  f.srcUrl.disabled = f.source.value !== 'src';
  for (const name of COLOURS) f[name].disabled = !f.customColours.checked;
  for (const box of form.querySelectorAll('input[name="parts"]')) box.disabled = f.layout.value !== 'composed';
  const model = describe();
  preview.replaceChildren(toElement(model));
  snippet.textContent = toHtml(model);
  copyStatus.textContent = '';
}

let typing;
form.addEventListener('input', (event) => {
  // Text fields wait for a pause, so the preview does not search on every key.
  clearTimeout(typing);
  if (event.target.matches('input[type="text"], input[type="url"], textarea')) typing = setTimeout(update, 400);
  else update();
});
form.addEventListener('submit', (event) => event.preventDefault());

document.getElementById('copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(snippet.textContent);
    copyStatus.textContent = 'Code copied.';
  } catch {
    // No clipboard access (plain http, or refused): select the code for Ctrl+C instead.
    const range = document.createRange();
    range.selectNodeContents(snippet);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    snippet.parentElement.focus();
    copyStatus.textContent = 'The code is selected: press Ctrl+C (⌘C on a Mac) to copy it.';
  }
});

update();

/** Countries offered by name (a code such as KENYA cannot be typed): those of the entries, from the API's facets. */
async function loadCountries() {
  const hint = document.getElementById('countries-hint');
  try {
    const response = await fetch('/api/v1/entries?pageSize=1&facets=country');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const codes = Object.keys((await response.json()).facets?.country ?? {});
    const names = new Intl.DisplayNames([document.documentElement.lang || 'en'], { type: 'region' });
    const named = codes.map((code) => [code, code === 'INTL' ? 'International / global' : names.of(code)]);
    named.sort((a, b) => a[1].localeCompare(b[1]));
    form.elements.countries.replaceChildren(...named.map(([code, name]) => new Option(`${name} (${code})`, code)));
  } catch (error) {
    hint.textContent = `The list of countries could not be loaded (${error.message}).`;
  }
}
void loadCountries();

try {
  const response = await fetch('/dist/integrity.json', { cache: 'no-cache' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const manifest = await response.json();
  const name = `wsis-stocktaking-${manifest.version}.js`;
  const file = manifest.files?.[name];
  if (!file?.integrity) throw new Error(`${name} is not listed`);
  script = { src: absolute(`/dist/${name}`), integrity: file.integrity };
  snippet.textContent = toHtml(describe());
} catch (error) {
  console.warn(`Configurator: no integrity hash for the script (${error.message}); run npm run build.`);
}
