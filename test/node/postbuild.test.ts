import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { packageVersion, postbuild, summary, type IntegrityManifest } from '../../scripts/postbuild.js';

function tempDist(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'wsis-postbuild-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}

const sha384 = (bytes: Buffer) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

test('copies the stub to a versioned name and hashes both', (t) => {
  // Non-ASCII bytes, so a text round trip would change the hash.
  const script = Buffer.from('(function(){console.log("wsis ✓ é");})();\n'.repeat(50), 'utf8');
  const dist = tempDist({ 'wsis-stocktaking.js': script });
  t.after(() => rmSync(dist, { recursive: true, force: true }));

  const manifest = postbuild(dist, '1.2.3');

  const copy = readFileSync(join(dist, 'wsis-stocktaking-1.2.3.js'));
  assert.ok(copy.equals(script), 'the versioned copy is byte-identical');
  assert.deepEqual(Object.keys(manifest.files), ['wsis-stocktaking.js', 'wsis-stocktaking-1.2.3.js']);
  for (const name of Object.keys(manifest.files)) {
    assert.equal(manifest.files[name].integrity, sha384(script), name);
    assert.equal(manifest.files[name].bytes, script.length);
    assert.equal(manifest.files[name].gzip, gzipSync(script, { level: 9 }).length);
  }
  const written = JSON.parse(readFileSync(join(dist, 'integrity.json'), 'utf8')) as IntegrityManifest;
  assert.deepEqual(written, manifest);
  assert.equal(written.version, '1.2.3');
  assert.match(summary(dist, manifest), /^postbuild: .*wsis-stocktaking-1\.2\.3\.js .*2 files/);
});

test('hashes the module entry, its chunks and assets, and nothing that is not shipped', (t) => {
  const entry = Buffer.from('import"./wsis-shared-B2.js";');
  const world = Buffer.from('{"w":960}');
  const dist = tempDist({
    'wsis-stocktaking.js': 'x',
    'wsis-module-A1.js': entry,
    'wsis-shared-B2.js': 'export{}',
    'wsis-wsis-world-C3.json': world,
    'notes.txt': 'not shipped',
  });
  t.after(() => rmSync(dist, { recursive: true, force: true }));

  const { files } = postbuild(dist, '0.1.0');
  assert.deepEqual(Object.keys(files), [
    'wsis-stocktaking.js',
    'wsis-stocktaking-0.1.0.js',
    'wsis-module-A1.js',
    'wsis-shared-B2.js',
    'wsis-wsis-world-C3.json',
  ]);
  assert.equal(files['wsis-module-A1.js'].integrity, sha384(entry));
  assert.equal(files['wsis-wsis-world-C3.json'].integrity, sha384(world));
  assert.equal(files['wsis-wsis-world-C3.json'].bytes, world.length);
});

test('fails clearly without a build', (t) => {
  const dist = tempDist({});
  t.after(() => rmSync(dist, { recursive: true, force: true }));
  assert.throws(() => postbuild(dist, '0.1.0'), /wsis-stocktaking\.js is missing/);
});

test('reads a plain semver from package.json', (t) => {
  const dir = tempDist({ 'good.json': '{"version":"2.0.0-rc.1"}', 'bad.json': '{"version":"../x"}' });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  assert.equal(packageVersion(join(dir, 'good.json')), '2.0.0-rc.1');
  assert.throws(() => packageVersion(join(dir, 'bad.json')), /semver/);
  assert.match(packageVersion(), /^\d+\.\d+\.\d+/);
});
