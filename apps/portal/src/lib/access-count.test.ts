import { describe, expect, it } from "vitest";
import { classifyAccess } from "./access-count.ts";

describe("classifyAccess", () => {
  it("counts an agency's pages, its files and searches within it", () => {
    expect(classifyAccess("GET", "/agencies/lamphun")).toEqual({
      kind: "page-view",
      ref: { agencySlug: "lamphun" },
    });
    expect(classifyAccess("GET", "/agencies/lamphun/2568/O28?lang=en")?.kind).toBe("page-view");
    expect(classifyAccess("GET", "/files/0F0E1C2B-1111-4222-8333-444455556666/plan.pdf")).toEqual({
      kind: "download",
      ref: { attachmentId: "0f0e1c2b-1111-4222-8333-444455556666" },
    });
    expect(classifyAccess("GET", "/search?q=%E0%B8%97&agency=lamphun")).toEqual({
      kind: "search",
      ref: { agencySlug: "lamphun" },
    });
    expect(classifyAccess("GET", "/search?q=abc")).toEqual({ kind: "search", ref: { site: true } });
  });

  it("ignores everything else", () => {
    for (const [method, url] of [
      ["POST", "/agencies/lamphun"],
      ["GET", "/agencies/lamphun/feed.xml"],
      ["GET", "/agencies/Not_A_Slug"],
      ["GET", "/files/not-a-uuid/x.pdf"],
      ["GET", "/search?q=%20"],
      ["GET", "/search?q=abc&agency=Not_A_Slug"],
      ["GET", "/search?agency=lamphun"],
      ["GET", "/open-data/results.csv"],
      ["GET", "/admin/"],
      ["GET", "/"],
    ] as const)
      expect(classifyAccess(method, url), `${method} ${url}`).toBeNull();
  });
});
