import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const DEMO = 'demo';
const pages = readdirSync(DEMO).filter((name) => name.endsWith('.html'));
const read = (name: string) => readFileSync(join(DEMO, name), 'utf8');

test('every demo page names an icon that exists, so browsers do not ask for /favicon.ico', () => {
  assert.ok(pages.length >= 5, `only ${pages.length} demo pages`);
  for (const page of pages) {
    const icon = /<link rel="icon" href="([^"]+)"/.exec(read(page));
    assert.ok(icon, `${page} has no <link rel="icon">`);
    assert.ok(existsSync(join(DEMO, icon[1])), `${page}: ${icon[1]} does not exist`);
  }
});

test('an Arabic demo page, right to left with the widget in Arabic, linked from every demo page', () => {
  const arabic = read('arabic.html');
  assert.match(arabic, /<html lang="ar" dir="rtl">/);
  assert.match(arabic, /<wsis-stocktaking [^>]*lang="ar"/);
  for (const page of pages) assert.match(read(page), /<a href="arabic.html"/, `${page} does not link the Arabic page`);
});
