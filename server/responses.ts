/**
 * Ready-to-send API bodies: compressed and tagged once per distinct search. One cache belongs to
 * one data snapshot (server/live.ts), so a write never meets a stale body. Compression here is
 * the bulk of a cached request's cost; it runs on libuv's threads, so the event loop (the next
 * search, /health) goes on meanwhile, on another core when there is one.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { Lru, stringBytes } from './lru.js';

const compressors = {
  br: (text: string) =>
    promisify(brotliCompress)(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }) as Promise<Buffer>,
  gzip: (text: string) => promisify(gzip)(text) as Promise<Buffer>,
};

export type Encoding = 'br' | 'gzip' | 'identity';

/** Bodies below this size are sent as they are, like @fastify/compress does. */
const THRESHOLD = 1024;

/** Picks br, then gzip, honouring q-values (q=0 refuses) and "*"; identity otherwise. */
export function negotiate(header: string | undefined): Encoding {
  if (!header) return 'identity';
  const q = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const accepts = (name: string) => (q.get(name) ?? q.get('*') ?? 0) > 0;
  return accepts('br') ? 'br' : accepts('gzip') ? 'gzip' : 'identity';
}

export interface Representation {
  body: string | Buffer;
  etag: string;
  encoding: Encoding;
}

interface Slot {
  text: string;
  etag: string;
  br?: Buffer;
  gzip?: Buffer;
  /** Compressions under way, so two requests for one body compress it once. */
  pending?: Partial<Record<'br' | 'gzip', Promise<Buffer>>>;
}

const weigh = (s: Slot, key: string) =>
  stringBytes(key) + stringBytes(s.text) + stringBytes(s.etag) + (s.br?.length ?? 0) + (s.gzip?.length ?? 0);

/** Keys are digests: a query string may be kilobytes long while its answer is a few hundred bytes. */
const digest = (key: string) => createHash('sha256').update(key).digest('base64url');

export class ResponseCache {
  private readonly slots: Lru<string, Slot>;

  constructor(budgetBytes: number) {
    this.slots = new Lru(budgetBytes, weigh);
  }

  /** Whether `get(query, …)` would answer without calling `make`. */
  has(query: string): boolean {
    return this.slots.has(digest(query));
  }

  /**
   * The body for `query` in `encoding`, computing its text with `make` only when not cached. The
   * text is computed (and cached) before this returns; only the compression is waited for.
   */
  async get(query: string, encoding: Encoding, make: () => string): Promise<Representation> {
    const key = digest(query);
    let slot = this.slots.get(key);
    if (!slot) {
      const text = make();
      // Weak: the tag names the content, whichever encoding carries it.
      slot = { text, etag: `W/"${createHash('sha1').update(text).digest('base64url')}"` };
      this.slots.set(key, slot);
    }
    if (encoding === 'identity' || slot.text.length < THRESHOLD)
      return { body: slot.text, etag: slot.etag, encoding: 'identity' };
    const bytes = slot[encoding] ?? (await this.compress(key, slot, encoding));
    return { body: bytes, etag: slot.etag, encoding };
  }

  private compress(key: string, slot: Slot, encoding: 'br' | 'gzip'): Promise<Buffer> {
    slot.pending ??= {};
    return (slot.pending[encoding] ??= compressors[encoding](slot.text)
      .then((bytes) => {
        slot[encoding] = bytes;
        // Re-weighed with its new bytes, unless it was evicted meanwhile.
        if (this.slots.has(key)) this.slots.set(key, slot);
        return bytes;
      })
      .finally(() => delete slot.pending![encoding]));
  }
}
