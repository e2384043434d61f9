import { describe, expect, it } from "vitest";
import { isSlug, slugify } from "./slug.ts";

describe("isSlug", () => {
  it("accepts lowercase words joined by single hyphens, 2–80 chars", () => {
    expect(isSlug("lamphun-pao")).toBe(true);
    expect(isSlug("sao-ban-klang-2")).toBe(true);
    expect(isSlug("ab")).toBe(true);
    expect(isSlug("a".repeat(80))).toBe(true);
  });

  it("rejects everything else", () => {
    for (const s of [
      "a",
      "a".repeat(81),
      "Lamphun",
      "lamphun pao",
      "-lamphun",
      "lamphun-",
      "a--b",
      "ลำพูน",
      "",
    ]) {
      expect(isSlug(s)).toBe(false);
    }
    expect(isSlug(42)).toBe(false);
  });
});

describe("slugify", () => {
  it("makes a slug from Latin text", () => {
    expect(slugify("Lamphun Provincial Administrative Organisation")).toBe(
      "lamphun-provincial-administrative-organisation",
    );
    expect(slugify("  Ban  Klang (Mueang) ")).toBe("ban-klang-mueang");
    expect(slugify("Chiang Maï — Nong Khai")).toBe("chiang-mai-nong-khai");
  });

  it("stays within 80 characters without a trailing hyphen", () => {
    const s = slugify(`${"a".repeat(79)} bcd`);
    expect(s).toBe("a".repeat(79));
    expect(isSlug(s)).toBe(true);
  });

  it("yields an empty string for Thai-only text", () => {
    expect(slugify("ลำพูน")).toBe("");
  });
});
