import { describe, expect, it } from "vitest";
import type * as z from "zod";
import {
  AgencyPageInput,
  EntryDraftInput,
  FiscalYearInput,
  ItemCodeInput,
  ItemPageInput,
  NewPasswordInput,
  PhoneInput,
  ResultInput,
  SearchInput,
  SignInInput,
  SlugInput,
} from "./index.ts";

const THAI = /[\u0E00-\u0E7F]/;
const AGENCY_ID = "0b5e4c8e-5f0e-4b8a-9d6a-3c2f1e0d9b7a";

/** Messages of a failed parse; fails the test if the parse succeeded. */
function messages(schema: z.ZodType, input: unknown): string[] {
  const r = schema.safeParse(input);
  expect(r.success).toBe(false);
  const issues = r.error?.issues ?? [];
  for (const i of issues) expect(i.message).toMatch(THAI);
  return issues.map((i) => i.message);
}

describe("simple inputs", () => {
  it("SlugInput", () => {
    expect(SlugInput.parse("lamphun-pao")).toBe("lamphun-pao");
    expect(messages(SlugInput, "Lamphun PAO")[0]).toContain("ตัวอักษรภาษาอังกฤษพิมพ์เล็ก");
    expect(messages(SlugInput, undefined)[0]).toContain("กรุณากรอก");
  });

  it("FiscalYearInput coerces strings and refuses CE years", () => {
    expect(FiscalYearInput.parse("2568")).toBe(2568);
    expect(messages(FiscalYearInput, "2025")[0]).toContain("ไม่ใช่ ค.ศ.");
    expect(messages(FiscalYearInput, "abc")[0]).toContain("ปีงบประมาณ");
    messages(FiscalYearInput, 2568.5);
    messages(FiscalYearInput, 2701);
  });

  it("ItemCodeInput accepts O28, MOIT22 and lower-case input", () => {
    expect(ItemCodeInput.parse("O28")).toBe("O28");
    expect(ItemCodeInput.parse("MOIT22")).toBe("MOIT22");
    expect(ItemCodeInput.parse(" o5 ")).toBe("O5");
    expect(ItemCodeInput.parse("A1.2")).toBe("A1.2");
    expect(messages(ItemCodeInput, "28")[0]).toContain("O28");
    messages(ItemCodeInput, "O1234");
  });
});

describe("page inputs", () => {
  it("AgencyPageInput treats an empty fiscal year as absent", () => {
    expect(AgencyPageInput.parse({ slug: "lamphun", fiscalYear: "" })).toEqual({ slug: "lamphun" });
    expect(AgencyPageInput.parse({ slug: "lamphun", fiscalYear: "2567" })).toEqual({
      slug: "lamphun",
      fiscalYear: 2567,
    });
  });

  it("ItemPageInput needs all three", () => {
    expect(ItemPageInput.parse({ slug: "lamphun", fiscalYear: 2566, itemCode: "o28" })).toEqual({
      slug: "lamphun",
      fiscalYear: 2566,
      itemCode: "O28",
    });
    expect(messages(ItemPageInput, { slug: "lamphun" })).toHaveLength(2);
  });

  it("SearchInput trims, defaults the page and drops empty filters", () => {
    expect(SearchInput.parse({ q: "  จัดซื้อจัดจ้าง  ", province: "", category: "3" })).toEqual({
      q: "จัดซื้อจัดจ้าง",
      category: 3,
      page: 1,
    });
    expect(SearchInput.parse({ q: "x", page: "2", item: "o21", fiscalYear: "2568" })).toMatchObject(
      {
        page: 2,
        item: "O21",
        fiscalYear: 2568,
      },
    );
    expect(messages(SearchInput, { q: "   " })[0]).toBe("กรุณากรอกคำค้นหา");
    messages(SearchInput, { q: "x".repeat(201) });
    expect(messages(SearchInput, { q: "x", page: 501 })[0]).toContain("500");
    messages(SearchInput, { q: "x", page: 0 });
    messages(SearchInput, { q: "x", category: 8 });
  });
});

describe("auth inputs", () => {
  it("SignInInput normalises the e-mail and needs a password", () => {
    expect(SignInInput.parse({ email: " Clerk@Lamphun.GO.TH ", password: "x" })).toEqual({
      email: "clerk@lamphun.go.th",
      password: "x",
    });
    expect(messages(SignInInput, { email: "clerk", password: "" })).toEqual([
      expect.stringContaining("อีเมล"),
      "กรุณากรอกรหัสผ่าน",
    ]);
  });

  it("NewPasswordInput needs 12–256 characters", () => {
    expect(NewPasswordInput.parse("correct horse")).toBe("correct horse");
    expect(messages(NewPasswordInput, "short")[0]).toContain("12");
    messages(NewPasswordInput, "x".repeat(257));
  });
});

describe("EntryDraftInput", () => {
  const valid = {
    agencyId: AGENCY_ID,
    fiscalYear: 2568,
    itemCode: "O28",
    title: " ช่องทางร้องเรียน ",
  };

  it("accepts a minimal draft and defaults links", () => {
    expect(EntryDraftInput.parse(valid)).toEqual({ ...valid, title: "ช่องทางร้องเรียน", links: [] });
  });

  it("accepts http(s) links on domain names only", () => {
    const links = [
      { url: "https://www.lamphun.go.th/complaint", label: "ร้องเรียน" },
      { url: "http://example.org" },
    ];
    expect(EntryDraftInput.parse({ ...valid, links }).links).toEqual(links);
    for (const url of [
      "javascript:alert(1)",
      "ftp://x.go.th/a",
      "www.lamphun.go.th",
      "http://localhost/x",
    ]) {
      expect(messages(EntryDraftInput, { ...valid, links: [{ url }] })[0]).toContain("http");
    }
  });

  it("rejects bad ids, empty titles and too many links", () => {
    expect(messages(EntryDraftInput, { ...valid, agencyId: "42" })[0]).toContain("หน่วยงาน");
    expect(messages(EntryDraftInput, { ...valid, title: "  " })[0]).toBe("กรุณากรอกชื่อเรื่อง");
    messages(EntryDraftInput, { ...valid, title: "ก".repeat(501) });
    messages(EntryDraftInput, { ...valid, description: "ก".repeat(50_001) });
    const links = Array.from({ length: 21 }, (_, i) => ({ url: `https://a.go.th/${i}` }));
    expect(messages(EntryDraftInput, { ...valid, links })[0]).toContain("20");
  });
});

describe("ResultInput", () => {
  it("accepts scores 0–100 with up to two decimals, instruments optional", () => {
    const r = {
      agencyId: AGENCY_ID,
      fiscalYear: 2567,
      total: 89.18,
      iit: 84.99,
      eit: null,
      oit: 100,
    };
    expect(ResultInput.parse(r)).toEqual(r);
    expect(ResultInput.parse({ agencyId: AGENCY_ID, fiscalYear: 2567, total: 0 }).total).toBe(0);
  });

  it("rejects out-of-range and over-precise scores", () => {
    const base = { agencyId: AGENCY_ID, fiscalYear: 2567 };
    expect(messages(ResultInput, { ...base, total: 100.5 })[0]).toContain("100");
    expect(messages(ResultInput, { ...base, total: -1 })[0]).toContain("0");
    expect(messages(ResultInput, { ...base, total: 85.123 })[0]).toContain("ทศนิยม");
    expect(messages(ResultInput, { ...base, total: 90, oit: Number.NaN })).toHaveLength(1);
    expect(messages(ResultInput, base)[0]).toBe("กรุณากรอกคะแนน");
  });
});

describe("PhoneInput", () => {
  it("takes numbers as agencies write them, with extensions, several numbers and hotlines", () => {
    for (const ok of [
      "053 511 000",
      "0-5351-1000 ต่อ 123",
      "053-511000, 053-511001",
      "+66 53 511 000",
      "(053) 511-000 ext. 12",
      "๐ ๕๓๕๑ ๑๐๐๐",
      "1567",
    ])
      expect(PhoneInput.parse(ok), ok).toBe(ok);
    expect(PhoneInput.parse("  ")).toBeNull();
    expect(PhoneInput.parse(undefined)).toBeUndefined();
  });

  it("refuses words with a Thai message (and an English one for the English screen)", () => {
    for (const bad of ["โทร 053 abc", "053 abc", "ต่อ 12", "12", "053 511 000 ต่อ"]) {
      const result = PhoneInput.safeParse(bad);
      expect(result.success, bad).toBe(false);
      const issue = result.error!.issues[0]!;
      expect(issue.message).toMatch(THAI);
      expect((issue as { params?: { en?: string } }).params?.en).toContain("phone number");
    }
  });
});
