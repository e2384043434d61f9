import { describe, expect, it } from "vitest";
import { matchesIfNoneMatch, weakEtag, withConditionalCaching } from "./http-cache.ts";

const html = (body: string) =>
  new Response(body, { headers: { "content-type": "text/html; charset=utf-8" } });

describe("withConditionalCaching", () => {
  it("adds a weak ETag from the body and a revalidating Cache-Control", async () => {
    const res = await withConditionalCaching(new Request("http://x/"), html("<p>สวัสดี</p>"));
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe(weakEtag(new TextEncoder().encode("<p>สวัสดี</p>")));
    expect(res.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    expect(res.headers.get("content-length")).toBe(String(Buffer.byteLength("<p>สวัสดี</p>")));
    expect(await res.text()).toBe("<p>สวัสดี</p>");
  });

  it("answers 304 when If-None-Match matches, 200 when the body changed", async () => {
    const etag = weakEtag(new TextEncoder().encode("v1"));
    const same = await withConditionalCaching(
      new Request("http://x/", { headers: { "if-none-match": `"zzz", ${etag}` } }),
      html("v1"),
    );
    expect(same.status).toBe(304);
    expect(same.headers.get("etag")).toBe(etag);
    expect(await same.text()).toBe("");
    const changed = await withConditionalCaching(
      new Request("http://x/", { headers: { "if-none-match": etag } }),
      html("v2"),
    );
    expect(changed.status).toBe(200);
  });

  it("leaves errors, POSTs and binary responses alone", async () => {
    const notFound = await withConditionalCaching(
      new Request("http://x/"),
      new Response("x", { status: 404, headers: { "content-type": "text/html" } }),
    );
    expect(notFound.headers.get("etag")).toBeNull();
    const post = await withConditionalCaching(
      new Request("http://x/", { method: "POST" }),
      html("x"),
    );
    expect(post.headers.get("etag")).toBeNull();
    const png = await withConditionalCaching(
      new Request("http://x/"),
      new Response("x", { headers: { "content-type": "image/png" } }),
    );
    expect(png.headers.get("etag")).toBeNull();
  });

  it("compares tags weakly", () => {
    expect(matchesIfNoneMatch('W/"a"', '"a"')).toBe(true);
    expect(matchesIfNoneMatch("*", 'W/"a"')).toBe(true);
    expect(matchesIfNoneMatch('"b"', 'W/"a"')).toBe(false);
    expect(matchesIfNoneMatch(null, 'W/"a"')).toBe(false);
  });
});
