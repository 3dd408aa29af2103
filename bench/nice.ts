/**
 * Niceness of process trees, from /proc (Linux): lets the memory section run behind the timed ones,
 * only on CPU time they leave. Chromium sets some of its own processes' and threads' priorities, so
 * `holdNice` applies the niceness again every half second until released.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** The given processes and every process below them. */
function trees(roots: number[]): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone meanwhile.
    }
  }
  const wanted = new Set(roots);
  return [...parent.keys()].filter((pid) => {
    for (let p: number | undefined = pid, hops = 0; p && hops < 64; p = parent.get(p), hops++) {
      if (wanted.has(p)) return true;
    }
    return false;
  });
}

/** Sets every thread of the trees to `nice`; returns how many changed. */
export function setNice(roots: number[], nice: number): number {
  let changed = 0;
  for (const pid of trees(roots)) {
    try {
      for (const tid of readdirSync(`/proc/${pid}/task`).map(Number)) {
        if (getPriority(tid) === nice) continue;
        setPriority(tid, nice);
        changed++;
      }
    } catch {
      // Gone meanwhile, or not ours to change.
    }
  }
  return changed;
}

/** Keeps the trees at `nice` until the returned function is called, which sets them back to 0. */
export function holdNice(roots: () => number[], nice: number): () => void {
  const timer = setInterval(() => setNice(roots(), nice), 500);
  setNice(roots(), nice);
  return () => {
    clearInterval(timer);
    setNice(roots(), 0);
  };
}
