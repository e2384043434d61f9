import { describe, expect, it } from "vitest";
import { createPageStore, type CachedPage } from "./store.ts";

const page = (tags: string[], bytes = 100): CachedPage => ({
  head: { br: [], gzip: [], identity: [] },
  notModified: [],
  etag: null,
  br: Buffer.alloc(bytes),
  gzip: Buffer.alloc(bytes),
  tags,
});

describe("the page store", () => {
  it("forgets exactly the pages of the tags it is told", () => {
    const store = createPageStore(1 << 20);
    const g = store.generation;
    store.set("a", page(["agency:a"]), g);
    store.set("b", page(["agency:b"]), g);
    store.set("home", page(["site"]), g);
    store.invalidate(["agency:a", "site"]);
    expect(store.get("a")).toBeUndefined();
    expect(store.get("home")).toBeUndefined();
    expect(store.get("b")).toBeDefined();
    store.invalidate("*");
    expect(store.size).toBe(0);
  });

  it("drops a page whose rendering began before an invalidation", () => {
    const store = createPageStore(1 << 20);
    const began = store.generation;
    store.invalidate(["agency:a"]);
    expect(store.set("a", page(["agency:a"]), began)).toBe(false);
    expect(store.get("a")).toBeUndefined();
  });

  it("stays within its byte budget, evicting the least recently used", () => {
    const store = createPageStore(3 * (200 + 512));
    const g = store.generation;
    for (const key of ["a", "b", "c"]) store.set(key, page(["site"]), g);
    store.get("a");
    store.set("d", page(["site"]), g);
    expect(store.get("b")).toBeUndefined();
    expect(store.get("a")).toBeDefined();
    expect(store.bytes).toBeLessThanOrEqual(3 * (200 + 512));
    // An evicted page leaves no trace in the tag index: invalidating still works.
    store.invalidate(["site"]);
    expect(store.size).toBe(0);
  });

  it("counts a page's uncompressed bytes once added, and only for the page still kept", () => {
    const store = createPageStore(1 << 20);
    const g = store.generation;
    const kept = page(["agency:a"]);
    store.set("a", kept, g);
    const before = store.bytes;
    kept.identity = Buffer.alloc(1000);
    store.resize("a", kept);
    expect(store.bytes).toBe(before + 1000);
    // Forgotten by a change meanwhile: resizing must not bring the old page back.
    store.invalidate(["agency:a"]);
    store.resize("a", kept);
    expect(store.get("a")).toBeUndefined();
    expect(store.bytes).toBe(0);
  });

  it("keeps nothing with a budget of zero", () => {
    const store = createPageStore(0);
    expect(store.set("a", page(["site"]), store.generation)).toBe(false);
  });
});
