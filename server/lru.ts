/** A least-recently-used map bounded by total weight. Each belongs to one data snapshot (server/live.ts), so entries never go stale. */
export class Lru<K, V> {
  private readonly map = new Map<K, { value: V; weight: number }>();
  private total = 0;

  /** `weigh` sees the key too: a cache of many small answers to long queries is mostly keys. */
  constructor(
    private readonly budget: number,
    private readonly weigh: (value: V, key: K) => number = () => 1,
  ) {}

  get(key: K): V | undefined {
    const slot = this.map.get(key);
    if (!slot) return undefined;
    this.map.delete(key);
    this.map.set(key, slot);
    return slot.value;
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  set(key: K, value: V): void {
    const weight = this.weigh(value, key);
    if (weight > this.budget) return;
    this.delete(key);
    this.map.set(key, { value, weight });
    this.total += weight;
    for (const oldest of this.map.keys()) {
      if (this.total <= this.budget) break;
      this.delete(oldest);
    }
  }

  private delete(key: K): void {
    const slot = this.map.get(key);
    if (!slot) return;
    this.total -= slot.weight;
    this.map.delete(key);
  }
}

/** Bytes a string key or value holds (UTF-16), plus the map slot and object headers around it. */
export const stringBytes = (s: string): number => 2 * s.length + SLOT_BYTES;
const SLOT_BYTES = 96;
