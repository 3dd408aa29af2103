/** Fixed-size bit sets over entry positions; cheap AND/OR for filter groups. */
export type Bits = Uint32Array;

export const words = (size: number): number => (size + 31) >>> 5;

export function empty(size: number): Bits {
  return new Uint32Array(words(size));
}

export function full(size: number): Bits {
  const bits = new Uint32Array(words(size)).fill(0xffffffff);
  const tail = size & 31;
  if (tail) bits[bits.length - 1] = (1 << tail) - 1;
  return bits;
}

export function set(bits: Bits, i: number): void {
  bits[i >>> 5] |= 1 << (i & 31);
}

export function has(bits: Bits, i: number): boolean {
  return (bits[i >>> 5] & (1 << (i & 31))) !== 0;
}

export function orInto(target: Bits, source: Bits): void {
  for (let w = 0; w < target.length; w++) target[w] |= source[w];
}

/** AND of all sets; `size` gives the universe when the list is empty. */
export function and(sets: readonly Bits[], size: number): Bits {
  if (!sets.length) return full(size);
  const out = sets[0].slice();
  for (let s = 1; s < sets.length; s++) {
    const other = sets[s];
    for (let w = 0; w < out.length; w++) out[w] &= other[w];
  }
  return out;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

export function count(bits: Bits): number {
  let n = 0;
  for (let w = 0; w < bits.length; w++) n += popcount(bits[w]);
  return n;
}

/** Size of the intersection, without building it. */
export function countAnd(a: Bits, b: Bits): number {
  let n = 0;
  for (let w = 0; w < a.length; w++) n += popcount(a[w] & b[w]);
  return n;
}

/** Calls `fn` for each set position in ascending order. */
export function forEach(bits: Bits, fn: (i: number) => void): void {
  for (let w = 0; w < bits.length; w++) {
    let x = bits[w];
    while (x !== 0) {
      const low = x & -x;
      fn((w << 5) + 31 - Math.clz32(low));
      x ^= low;
    }
  }
}

/** `target` ∧= `source`. */
export function andInto(target: Bits, source: Bits): void {
  for (let w = 0; w < target.length; w++) target[w] &= source[w];
}

/** a ∧ ¬b, as a new set. */
export function andNot(a: Bits, b: Bits): Bits {
  const out = new Uint32Array(a.length);
  for (let w = 0; w < a.length; w++) out[w] = a[w] & ~b[w];
  return out;
}
