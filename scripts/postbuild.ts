/**
 * Runs after the Vite builds: copies dist/wsis-stocktaking.js to a versioned name that a CDN may
 * cache for ever, and writes dist/integrity.json with the Subresource Integrity hash, size and
 * gzip size of each shipped file, for the `<script integrity>` of embed snippets.
 * Run with `tsx scripts/postbuild.ts [distDir]`.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const MAIN_FILE = 'wsis-stocktaking.js';
/** Loaded lazily from beside the script; hashed when the build made them. */
const OPTIONAL_FILES = [
  'wsis-static-index.js',
  'wsis-suggest.js',
  'wsis-world.json',
  ...['ar', 'es', 'fr', 'ru', 'zh'].map((lang) => `wsis-i18n-${lang}.json`),
];

export interface FileIntegrity {
  /** `sha384-<base64>`, as the `integrity` attribute wants it. */
  integrity: string;
  bytes: number;
  gzip: number;
}

export interface IntegrityManifest {
  version: string;
  files: Record<string, FileIntegrity>;
}

export function sri(bytes: Uint8Array): string {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

export const versionedName = (version: string) => `wsis-stocktaking-${version}.js`;
/** The filters, map, export and entry detail, which the script loads from beside itself. */
export const extrasName = (version: string) => `wsis-extras-${version}.js`;

/** The package version; it becomes part of a file name, so only a plain semver is accepted. */
export function packageVersion(packageJson = fileURLToPath(new URL('../package.json', import.meta.url))): string {
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: unknown };
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version)) {
    throw new Error(`postbuild: package.json "version" must be a semver such as 1.2.3, got ${JSON.stringify(version)}`);
  }
  return version;
}

/** Copies the versioned script and writes integrity.json into `dist`; returns what it wrote. */
export function postbuild(dist: string, version: string): IntegrityManifest {
  const main = join(dist, MAIN_FILE);
  if (!existsSync(main)) throw new Error(`postbuild: ${main} is missing; run vite build first`);
  const versioned = versionedName(version);
  copyFileSync(main, join(dist, versioned));
  const files: Record<string, FileIntegrity> = {};
  for (const name of [MAIN_FILE, versioned, extrasName(version), ...OPTIONAL_FILES]) {
    const path = join(dist, name);
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    files[name] = { integrity: sri(bytes), bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  }
  const manifest: IntegrityManifest = { version, files };
  writeFileSync(join(dist, 'integrity.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

export function summary(dist: string, manifest: IntegrityManifest): string {
  const main = manifest.files[MAIN_FILE];
  const kb = (n: number) => (n / 1000).toFixed(1);
  return (
    `postbuild: ${join(dist, versionedName(manifest.version))} (${kb(main.bytes)} kB, ${kb(main.gzip)} kB gzip, ` +
    `${main.integrity.slice(0, 19)}…); SRI for ${Object.keys(manifest.files).length} files in ${join(dist, 'integrity.json')}`
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dist = process.argv[2] ?? 'dist';
  try {
    console.log(summary(dist, postbuild(dist, packageVersion())));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
