/**
 * A tiny least-recently-used map, bounded by count and, given a size function, by bytes:
 * a few huge answers must not pin memory that many small ones would not.
 * Map keeps insertion order, so the first key is the oldest.
 */
export class Lru<K, V> {
  #map = new Map<K, { value: V; bytes: number }>();
  #bytes = 0;

  constructor(
    readonly capacity: number,
    readonly maxBytes = Infinity,
    readonly sizeOf: (value: V) => number = () => 0,
  ) {}

  get size(): number {
    return this.#map.size;
  }

  /** The sum of sizeOf over what is kept. */
  get bytes(): number {
    return this.#bytes;
  }

  get(key: K): V | undefined {
    const item = this.#map.get(key);
    if (!item) return undefined;
    this.#map.delete(key);
    this.#map.set(key, item);
    return item.value;
  }

  set(key: K, value: V): void {
    this.#delete(key);
    const bytes = this.sizeOf(value);
    // One value over the whole budget would only push everything else out.
    if (this.capacity <= 0 || bytes > this.maxBytes) return;
    this.#map.set(key, { value, bytes });
    this.#bytes += bytes;
    while (this.#map.size > this.capacity || this.#bytes > this.maxBytes) {
      this.#delete(this.#map.keys().next().value as K);
    }
  }

  clear(): void {
    this.#map.clear();
    this.#bytes = 0;
  }

  #delete(key: K): void {
    const item = this.#map.get(key);
    if (!item) return;
    this.#map.delete(key);
    this.#bytes -= item.bytes;
  }
}
