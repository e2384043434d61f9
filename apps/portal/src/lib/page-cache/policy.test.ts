import { describe, expect, it } from "vitest";
import { cacheKeyOf, isStorable, tagsOf } from "./policy.ts";

describe("what the page cache may keep", () => {
  it("keys public GET and HEAD pages by language, path and query", () => {
    expect(cacheKeyOf("GET", "/agencies/a?fy=2568", undefined)).toBe("th /agencies/a?fy=2568");
    expect(cacheKeyOf("HEAD", "/", "lang=en")).toBe("en /");
    expect(cacheKeyOf("GET", "/", "lang=th")).toBe("th /");
  });

  it("never keys the admin, the API, complaints, files, or anything but GET and HEAD", () => {
    for (const url of ["/admin", "/admin/x", "/api/trpc/a", "/complaints/track", "/files/1/a.pdf"])
      expect(cacheKeyOf("GET", url, undefined), url).toBeNull();
    expect(cacheKeyOf("POST", "/", undefined)).toBeNull();
  });

  it("never keys a request with a session or any other cookie, or the language switch", () => {
    expect(cacheKeyOf("GET", "/", "__Host-ita_session=abc")).toBeNull();
    expect(cacheKeyOf("GET", "/", "lang=en; other=1")).toBeNull();
    expect(cacheKeyOf("GET", "/agencies/a?lang=en", undefined)).toBeNull();
  });

  it("tags an agency's pages, feeds and open data with the agency, a province's with the province", () => {
    expect(tagsOf("/agencies/lamphun")).toEqual(["agency:lamphun"]);
    expect(tagsOf("/agencies/lamphun/2568/O1?x=1")).toEqual(["agency:lamphun"]);
    expect(tagsOf("/agencies/lamphun/feed.xml")).toEqual(["agency:lamphun"]);
    expect(tagsOf("/open-data/agencies/lamphun/disclosures.csv")).toEqual(["agency:lamphun"]);
    expect(tagsOf("/provinces/lamphun")).toEqual(["province:lamphun"]);
    for (const url of ["/", "/search?q=a", "/open-data/agencies.csv", "/feed.xml", "/sitemap.xml"])
      expect(tagsOf(url), url).toEqual(["site"]);
  });

  it("stores a plain 200 of a text type only", () => {
    const html = { "content-type": "text/html; charset=utf-8" };
    expect(isStorable(200, html)).toBe(true);
    expect(isStorable(200, { "content-type": "application/atom+xml" })).toBe(true);
    expect(isStorable(404, html)).toBe(false);
    expect(isStorable(200, { ...html, "set-cookie": ["lang=en"] })).toBe(false);
    expect(isStorable(200, { ...html, "cache-control": "private, no-cache" })).toBe(false);
    expect(isStorable(200, { ...html, "cache-control": "no-store" })).toBe(false);
    expect(isStorable(200, { "content-type": "application/pdf" })).toBe(false);
  });
});
