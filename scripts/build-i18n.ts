/** Writes each translated catalogue beside the script build, which fetches it on first use. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { ar } from '../src/i18n/ar.js';
import { es } from '../src/i18n/es.js';
import { fr } from '../src/i18n/fr.js';
import { ru } from '../src/i18n/ru.js';
import { zh } from '../src/i18n/zh.js';
import { enEditor } from '../src/i18n/en-editor.js';

/** The editor's script carries its own texts; the widget never fetches them. */
const widgetOnly = (messages: Record<string, string>) =>
  Object.fromEntries(Object.entries(messages).filter(([key]) => !Object.hasOwn(enEditor, key)));

mkdirSync('dist', { recursive: true });
for (const [lang, messages] of Object.entries({ ar, es, fr, ru, zh })) {
  const file = `dist/wsis-i18n-${lang}.json`;
  writeFileSync(file, JSON.stringify(widgetOnly(messages)));
  console.log(`i18n: ${file}`);
}
