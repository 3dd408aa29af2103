import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import semver from 'semver';

const root = new URL('../../', import.meta.url);
const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, root), 'utf8'));

interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
}
const pkg = readJson('package.json') as { engines: { node: string } };
const lock = readJson('package-lock.json') as { packages: Record<string, LockedPackage> };
const stated = pkg.engines.node;

/**
 * The Node versions the stated range promises, probed at both ends of each line it admits
 * (`^20.19.0` gives 20.19.0 and 20.999.999): a package that drops a line's early releases or
 * caps a line shows at one of them.
 */
function promisedVersions(range: string): string[] {
  return new semver.Range(range).set.flatMap((comparators) => {
    const line = new semver.Range(comparators.map((c) => c.value).join(' '));
    const lowest = semver.minVersion(line);
    if (!lowest) return [];
    return [lowest.version, `${lowest.major}.999.999`].filter((v) => semver.satisfies(v, line));
  });
}

test('package.json states a Node range the lock file records too', () => {
  assert.ok(semver.validRange(stated), `engines.node "${stated}" is not a semver range`);
  assert.deepEqual(lock.packages['']?.engines, pkg.engines, 'run npm install to refresh package-lock.json');
  assert.deepEqual(promisedVersions('^20.19.0 || ^22.13.0'), ['20.19.0', '20.999.999', '22.13.0', '22.999.999']);
});

test("every locked package's engines.node admits every Node version package.json promises", () => {
  const promised = promisedVersions(stated);
  const excluded: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    // engines may be the legacy array form (["node >= 0.8"]), which npm ignores.
    const range = !path || Array.isArray(entry.engines) ? undefined : entry.engines?.node;
    if (range === undefined) continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const misses = promised.filter((v) => !semver.satisfies(v, range));
    if (misses.length) excluded.push(`${name}@${entry.version} wants node "${range}": excludes ${misses.join(', ')}`);
  }
  assert.deepEqual(excluded, [], `engines.node is "${stated}"`);
});

test('the README states the supported Node range', () => {
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  assert.ok(readme.includes(stated), `README.md should name the supported range "${stated}"`);
});
