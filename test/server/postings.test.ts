/**
 * The in-memory index after updates (server/postings.ts) holds exactly what an index built from
 * the final texts holds: every term's entries and positions, each entry's length, the totals,
 * whether its changed lists are kept apart or laid out afresh.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateEntries } from '../../scripts/sample/generate.js';
import { Rng } from '../../scripts/sample/prng.js';
import { TermIndex, docText, type DocText } from '../../server/postings.js';

/** Every term's postings as [rowid, positions], by name. */
function contents(index: TermIndex): Map<string, [number, number[]][]> {
  const out = new Map<string, [number, number[]][]>();
  for (const [name] of index.vocabulary()) {
    const list = index.list(index.id(name)!);
    const postings: [number, number[]][] = [];
    for (let k = list.from; k < list.to; k++)
      postings.push([list.rowids[k], Array.from(list.positions.subarray(list.starts[k], list.starts[k + 1]))]);
    out.set(name, postings);
  }
  return out;
}

for (const [how, repackAbove] of [
  ['changed lists kept apart', undefined],
  ['laid out afresh at every update', 0],
] as const) {
  test(`after rounds of updates, ${how}, the index equals one built from the final texts`, () => {
    const rng = new Rng(3);
    const donors = generateEntries(200, 12);
    const docs = new Map<number, DocText>(generateEntries(300, 6).map((e, i) => [i + 1, docText(i + 1, e)]));
    let index = TermIndex.build([...docs.values()]);
    let nextRowid = docs.size + 1;
    for (let round = 0; round < 8; round++) {
      const removed: DocText[] = [];
      const added: DocText[] = [];
      const rowids = [...docs.keys()];
      for (let i = 0; i < 15; i++) {
        const r = rng.next();
        const donor = donors[Math.floor(rng.next() * donors.length)];
        const rowid = rowids[Math.floor(rng.next() * rowids.length)];
        if (removed.some((d) => d.rowid === rowid)) continue;
        if (r < 0.3) added.push(docText(nextRowid++, donor));
        else {
          removed.push(docs.get(rowid)!);
          // Updated (with a long text now and then), or gone.
          if (r < 0.8) added.push(docText(rowid, { ...donor, description: donor.description.repeat(r < 0.4 ? 8 : 1) }));
        }
      }
      index = index.next(removed, added, repackAbove);
      for (const doc of removed) docs.delete(doc.rowid);
      for (const doc of added) docs.set(doc.rowid, doc);
      const fresh = TermIndex.build([...docs.values()].sort((a, b) => a.rowid - b.rowid));
      assert.deepEqual(contents(index), contents(fresh), `round ${round}`);
      assert.equal(index.docs, fresh.docs);
      assert.equal(index.tokens, fresh.tokens);
      for (const rowid of docs.keys()) assert.equal(index.length(rowid), fresh.length(rowid));
      const completions = (i: TermIndex) => i.withPrefix('co').map((id) => i.count(id));
      assert.deepEqual(completions(index), completions(fresh));
    }
  });
}
