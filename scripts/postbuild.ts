/**
 * Runs after the Vite build: copies the classic stub dist/wsis-stocktaking.js to a versioned name
 * that a CDN may cache for ever, and writes dist/integrity.json with the Subresource Integrity hash,
 * size and gzip size of every file the script build ships, for the `<script integrity>` of embed
 * snippets. The stub pins its module entry by content-hashed name, and the entry its chunks.
 * Run with `tsx scripts/postbuild.ts [distDir]`.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const MAIN_FILE = 'wsis-stocktaking.js';

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

/** The package version; it becomes part of a file name, so only a plain semver is accepted. */
export function packageVersion(packageJson = fileURLToPath(new URL('../package.json', import.meta.url))): string {
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: unknown };
  if (typeof version !== 'string' || !/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(version)) {
    throw new Error(`postbuild: package.json "version" must be a semver such as 1.2.3, got ${JSON.stringify(version)}`);
  }
  return version;
}

/** The stub first, then its versioned copy, then the module entry, chunks and assets by name. */
function shipped(dist: string, versioned: string): string[] {
  const others = readdirSync(dist)
    .filter((name) => name.startsWith('wsis-') && name !== MAIN_FILE && name !== versioned)
    .filter((name) => statSync(join(dist, name)).isFile())
    .sort();
  return [MAIN_FILE, versioned, ...others];
}

/** Copies the versioned stub and writes integrity.json into `dist`; returns what it wrote. */
export function postbuild(dist: string, version: string): IntegrityManifest {
  const main = join(dist, MAIN_FILE);
  if (!existsSync(main)) throw new Error(`postbuild: ${main} is missing; run vite build first`);
  const versioned = versionedName(version);
  copyFileSync(main, join(dist, versioned));
  const files: Record<string, FileIntegrity> = {};
  for (const name of shipped(dist, versioned)) {
    const bytes = readFileSync(join(dist, name));
    files[name] = { integrity: sri(bytes), bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  }
  const manifest: IntegrityManifest = { version, files };
  writeFileSync(join(dist, 'integrity.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

/** The npm build (tsc into dist/esm) resolves the map geometry beside data/world.js, as the source does. */
export function copyNpmAssets(root: string, dist: string): void {
  const world = join(root, 'src/data/world');
  if (existsSync(world)) cpSync(world, join(dist, 'esm/data/world'), { recursive: true });
}

export function summary(dist: string, manifest: IntegrityManifest): string {
  const main = manifest.files[MAIN_FILE];
  return (
    `postbuild: ${join(dist, versionedName(manifest.version))} (${main.bytes} bytes, ${main.gzip} gzip, ` +
    `${main.integrity.slice(0, 19)}…); SRI for ${Object.keys(manifest.files).length} files in ${join(dist, 'integrity.json')}`
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dist = process.argv[2] ?? 'dist';
  try {
    console.log(summary(dist, postbuild(dist, packageVersion())));
    copyNpmAssets(fileURLToPath(new URL('..', import.meta.url)), dist);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
