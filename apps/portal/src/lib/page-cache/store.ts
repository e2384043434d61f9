import { LRUCache } from "lru-cache";

/** One rendered response, kept compressed both ways and with every header it had. */
export interface CachedPage {
  /**
   * Every header of a 200 per encoding (length included), and of a 304, as flat
   * name/value lists made when the page was kept: a hit writes one of them as it is.
   */
  head: Record<"br" | "gzip" | "identity", string[]>;
  notModified: string[];
  etag: string | null;
  br: Buffer;
  gzip: Buffer;
  /**
   * The uncompressed bytes, kept only once a client asked for them (bots, tools):
   * inflating the gzip bytes cost ~100 µs, more than the rest of a hit.
   */
  identity?: Buffer;
  tags: string[];
}

export interface PageStore {
  get(key: string): CachedPage | undefined;
  /**
   * Keeps a page rendered while `generation` was current; a page whose rendering began
   * before an invalidation is dropped, since it may show what was just changed.
   */
  set(key: string, page: CachedPage, generation: number): boolean;
  /**
   * Counts a page's size again after its `identity` bytes were added, if it is still
   * the page kept under `key` (else they are dropped with it).
   */
  resize(key: string, page: CachedPage): void;
  /** Forgets every page carrying one of the tags (all of them for "*"). */
  invalidate(tags: string[] | "*"): void;
  /** Bumped by every invalidation. */
  readonly generation: number;
  readonly size: number;
  readonly bytes: number;
}

/** An LRU of rendered pages within a byte budget (compressed sizes plus a small overhead). */
export function createPageStore(budgetBytes: number): PageStore {
  const byTag = new Map<string, Set<string>>();
  let generation = 0;
  const lru = new LRUCache<string, CachedPage>({
    maxSize: Math.max(budgetBytes, 1),
    sizeCalculation: (page) =>
      page.br.byteLength + page.gzip.byteLength + (page.identity?.byteLength ?? 0) + 512,
    // Bookkeeping for evicted, replaced and deleted pages alike.
    dispose: (page, key) => {
      for (const tag of page.tags) {
        const keys = byTag.get(tag);
        keys?.delete(key);
        if (keys?.size === 0) byTag.delete(tag);
      }
    },
  });
  return {
    get: (key) => lru.get(key),
    set(key, page, since) {
      if (since !== generation || budgetBytes <= 0) return false;
      lru.set(key, page);
      if (!lru.has(key)) return false; // larger than the whole budget
      for (const tag of page.tags) {
        let keys = byTag.get(tag);
        if (!keys) byTag.set(tag, (keys = new Set()));
        keys.add(key);
      }
      return true;
    },
    resize(key, page) {
      if (lru.peek(key) !== page) return;
      // lru-cache counts a size only when the value changes: a copy replaces it, without
      // the dispose that would drop its tags (still the same page). Grown past the whole
      // budget, it is deleted, and disposed, like any other.
      lru.set(key, { ...page }, { noDisposeOnSet: true });
    },
    invalidate(tags) {
      generation++;
      if (tags === "*") {
        lru.clear();
        return;
      }
      for (const tag of tags) for (const key of [...(byTag.get(tag) ?? [])]) lru.delete(key);
    },
    get generation() {
      return generation;
    },
    get size() {
      return lru.size;
    },
    get bytes() {
      return lru.calculatedSize;
    },
  };
}
