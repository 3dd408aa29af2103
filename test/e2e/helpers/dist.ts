/** The built widget under test, copied once so a rebuild of dist/ during the run cannot change it. */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** WSIS_E2E_DIST points the suite at another build (a temp dir); default is the project's dist/. */
export const DIST_DIR = resolve(process.env.WSIS_E2E_DIST ?? join(ROOT, 'dist'));
/** The classic stub of the embed snippet; it imports the module entry beside it. */
export const MAIN = 'wsis-stocktaking.js';

export const VERSION: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

/** Throws a message that says what to run when the build is missing. */
export function requireBuild(file = MAIN, dir = DIST_DIR): string {
  const path = join(dir, file);
  if (!existsSync(path)) {
    throw new Error(
      `e2e: ${path} is missing. The e2e suite tests the built bundle: run \`npm run build\` first ` +
        `(or set WSIS_E2E_DIST to a directory holding a build).`,
    );
  }
  return path;
}

/**
 * Copies the script build (every top-level file: the stub, the module entry and the chunks and
 * assets it imports from beside itself) into a fresh temp dir and returns that dir.
 */
export function snapshotDist(): string {
  requireBuild();
  const out = mkdtempSync(join(tmpdir(), 'wsis-e2e-dist-'));
  for (const entry of readdirSync(DIST_DIR, { withFileTypes: true })) {
    if (entry.isFile()) copyFileSync(join(DIST_DIR, entry.name), join(out, entry.name));
  }
  return out;
}

/** Writes `text` to `dir/sub/name`, creating `sub`. */
export function writeVariant(dir: string, sub: string, name: string, text: string): string {
  mkdirSync(join(dir, sub), { recursive: true });
  const path = join(dir, sub, name);
  writeFileSync(path, text);
  return path;
}

/**
 * A copy of the whole build in `dir/sub`, with `edit` applied to the one JavaScript file for
 * which it changes anything; throws unless exactly one file changed.
 */
export function editedBuild(dir: string, sub: string, edit: (text: string) => string): string {
  mkdirSync(join(dir, sub), { recursive: true });
  const changed: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    let body: string | Buffer = readFileSync(join(dir, entry.name));
    if (entry.name.endsWith('.js')) {
      const edited = edit(body.toString('utf8'));
      if (edited !== body.toString('utf8')) {
        changed.push(entry.name);
        body = edited;
      }
    }
    writeFileSync(join(dir, sub, entry.name), body);
  }
  if (changed.length !== 1)
    throw new Error(`e2e: the edit should change one file, changed ${changed.join(', ') || 'none'}`);
  return join(dir, sub);
}

/** The stub with its embedded version string replaced: a stand-in for another release. */
export function otherVersionBundle(dist: string, other: string): string {
  const text = readFileSync(join(dist, MAIN), 'utf8');
  const quoted = new RegExp(`([\`"'])${VERSION.replace(/\./g, '\\.')}\\1`, 'g');
  let count = 0;
  const out = text.replace(quoted, (_m, q: string) => {
    count++;
    return `${q}${other}${q}`;
  });
  if (!count) throw new Error(`e2e: the bundle does not embed its version "${VERSION}" as a string literal`);
  return out;
}
