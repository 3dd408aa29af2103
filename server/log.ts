/**
 * The natural logarithm rounded correctly, as the C library SQLite calls computes it for BM25's
 * IDF. `Math.log` may be one unit in the last place off, and an IDF that differs in its last bit
 * makes scores differ from SQLite's in theirs. Computed in double-double arithmetic (about 100
 * bits), then rounded to the nearest double.
 */

// ln 2 as a double-double.
const LN2_HI = 0.6931471805599453;
const LN2_LO = 2.3190468138462996e-17;
/** Veltkamp's constant: splits a double into two halves whose products are exact. */
const SPLIT = 134217729;

type DD = [number, number];

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const v = s - a;
  return [s, a - (s - v) + (b - v)];
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function add([ah, al]: DD, [bh, bl]: DD): DD {
  const [s, e] = twoSum(ah, bh);
  return twoSum(s, e + al + bl);
}

function mul([ah, al]: DD, [bh, bl]: DD): DD {
  const [p, e] = twoProd(ah, bh);
  return twoSum(p, e + ah * bl + al * bh);
}

function div(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  const r = add(a, mul(b, [-q1, 0]));
  const q2 = r[0] / b[0];
  const r2 = add(r, mul(b, [-q2, 0]));
  return add(twoSum(q1, q2), [r2[0] / b[0], 0]);
}

/** ln x for a finite x > 0. */
export function log(x: number): number {
  // x = m · 2^e with m in [√½, √2), so the series below converges fast.
  let e = Math.floor(Math.log2(x));
  let m = x / 2 ** e;
  for (; m >= Math.SQRT2; e++) m /= 2;
  for (; m < Math.SQRT1_2; e--) m *= 2;
  // ln m = 2 atanh z = 2 (z + z³/3 + z⁵/5 + …), z = (m − 1) / (m + 1), |z| < 0.172.
  const z = div([m - 1, 0], twoSum(m, 1));
  const z2 = mul(z, z);
  let term = z;
  let sum: DD = z;
  for (let k = 3; k < 80; k += 2) {
    term = mul(term, z2);
    const next = add(sum, div(term, [k, 0]));
    if (next[0] === sum[0] && next[1] === sum[1]) break;
    sum = next;
  }
  const result = add(mul([2, 0], sum), mul([LN2_HI, LN2_LO], [e, 0]));
  return result[0] + result[1];
}
