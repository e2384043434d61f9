import { seedDemo } from "@ita/db/seed";
import { createAgency, createPublicEntry, describeEachDriver } from "@ita/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { createContext } from "../context.ts";
import { createCaller } from "../index.ts";
import { sql } from "drizzle-orm";
import { containsPattern } from "../like-pattern.ts";
import { MAX_PHRASE_LENGTH, searchPhrases, searchTerms } from "./search-terms.ts";
import { withStatementTimeout } from "./statement-timeout.ts";

const NOW = new Date("2026-11-22T03:00:00Z");
const DAY = 86400_000;

describe("searchTerms", () => {
  it("splits Thai into words, lower-cases, drops punctuation and repeated or contained words", () => {
    expect(searchTerms("จัดซื้อจัดจ้าง")).toEqual(["จัด", "ซื้อ", "จ้าง"]);
    expect(searchTerms("  แผนปฏิบัติการ ")).toEqual(["แผน", "ปฏิบัติ", "การ"]);
    expect(searchTerms("E-Service, O28!")).toEqual(["service", "o28"]);
    expect(searchTerms("!!! ???")).toEqual([]);
  });

  it("keeps phrases as typed: compound Thai words stay whole, spaces and punctuation separate", () => {
    expect(searchPhrases("ไฟป่า")).toEqual(["ไฟป่า"]);
    expect(searchPhrases(" ไฟป่า  หมอกควัน ")).toEqual(["ไฟป่า", "หมอกควัน"]);
    expect(searchPhrases("E-Service, O28!")).toEqual(["service", "o28"]);
    expect(searchPhrases("!!! ???")).toEqual([]);
    const sentence = "รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริตประจำปี";
    expect(sentence.length).toBeGreaterThan(MAX_PHRASE_LENGTH);
    expect(searchPhrases(sentence)).toEqual(searchTerms(sentence));
  });

  it("takes LIKE wildcards literally", () => {
    expect(containsPattern("50%_a\\b")).toBe("%50\\%\\_a\\\\b%");
  });
});

describeEachDriver("search, home figures, open data and feeds", (use) => {
  let other = { slug: "", id: "" };

  beforeAll(async () => {
    const { db } = use();
    await db.transaction((tx) => seedDemo(tx, NOW));
    const agency = await createAgency(db, { type: "sao" });
    other = { slug: agency.slug, id: agency.id };
    await createPublicEntry(db, {
      agencyId: agency.id,
      fiscalYear: 2570,
      itemCode: "O21",
      title: "สรุปผลประจำเดือนตุลาคม",
      descriptionHtml: "<p>รายการ <b>ครุภัณฑ์</b> สำนักงาน</p>",
      publishedAt: new Date(NOW.getTime() - 60_000),
      files: [
        {
          fileName: "summary.pdf",
          contentType: "application/pdf",
          bytes: new Uint8Array([37, 80, 68, 70]),
          extractedText: "เครื่องปรับอากาศยี่ห้อพิเศษ",
        },
      ],
    });
    await createPublicEntry(db, {
      agencyId: agency.id,
      fiscalYear: 2570,
      itemCode: "O21",
      title: "ประกาศถอนแล้ว เครื่องปรับอากาศยี่ห้อพิเศษ",
      publishedAt: new Date(NOW.getTime() - 2 * DAY),
      withdrawn: { at: new Date(NOW.getTime() - DAY), reason: "ซ้ำ" },
    });
  });

  const caller = async () => createCaller(await createContext({ db: use().db, now: () => NOW }));

  it("finds ทุจริต with title matches first, then newest, and pages without counting", async () => {
    const c = await caller();
    const first = await c.public.search({ q: "ทุจริต" });
    expect(first.terms).toEqual(["ทุจริต"]);
    expect(first.results).toHaveLength(20);
    expect(first.hasNextPage).toBe(true);
    expect(first.results.every((r) => r.titleMatch && r.title.includes("ทุจริต"))).toBe(true);
    const times = first.results.map((r) => r.publishedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const second = await c.public.search({ q: "ทุจริต", page: 2 });
    expect(second.page).toBe(2);
    const firstIds = new Set(first.results.map((r) => r.entryId));
    expect(second.results.some((r) => firstIds.has(r.entryId))).toBe(false);
    // Demo descriptions mention ทุจริต too: past the title matches come the others.
    let page = 1;
    let last = first;
    while (last.hasNextPage && last.results.at(-1)!.titleMatch && page < 200)
      last = await c.public.search({ q: "ทุจริต", page: ++page });
    expect(last.results.some((r) => !r.titleMatch)).toBe(true);
  });

  it("finds จัดซื้อจัดจ้าง and แผนปฏิบัติการ, requiring every word", async () => {
    const c = await caller();
    const procurement = await c.public.search({
      q: "จัดซื้อจัดจ้าง",
      fiscalYear: 2568,
      agency: "lamphun",
    });
    expect(procurement.results.length).toBeGreaterThan(0);
    for (const r of procurement.results) {
      expect(r.agencySlug).toBe("lamphun");
      expect(r.fiscalYear).toBe(2568);
      expect(["O19", "O20", "O21", "O22"]).toContain(r.itemCode);
    }
    const plan = await c.public.search({ q: "แผนปฏิบัติการ", category: 6 });
    expect(plan.results.length).toBeGreaterThan(0);
    expect(
      plan.results.every((r) => r.title.includes("แผนปฏิบัติการ") && r.categories.includes(6)),
    ).toBe(true);
    const none = await c.public.search({ q: "แผนปฏิบัติการ zzzqqq" });
    expect(none.results).toEqual([]);
    expect(none.hasNextPage).toBe(false);
  });

  it("filters by province and item, and searches attachment text but not withdrawn entries", async () => {
    const c = await caller();
    const byItem = await c.public.search({ q: "ทุจริต", province: "lopburi", item: "o28" });
    expect(byItem.results.length).toBeGreaterThan(0);
    expect(
      byItem.results.every((r) => r.itemCode === "O28" && r.agencySlug === "lopburi-pao"),
    ).toBe(true);
    const inFile = await c.public.search({ q: "เครื่องปรับอากาศยี่ห้อพิเศษ" });
    expect(inFile.results.map((r) => r.title)).toEqual(["สรุปผลประจำเดือนตุลาคม"]);
    expect(inFile.results[0]!.snippet).toContain("เครื่องปรับอากาศ");
    expect((await c.public.search({ q: "ครุภัณฑ์สำนักงาน", agency: other.slug })).results).toHaveLength(
      1,
    );
  });

  it("refuses a query without words with a Thai message", async () => {
    const c = await caller();
    await expect(c.public.search({ q: "!!!" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/[\u0E00-\u0E7F]/),
    });
    await expect(c.public.search({ q: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("gives the home page its figures and newest publications", async () => {
    const c = await caller();
    const overview = await c.public.overview();
    expect(overview.agencyCount).toBe(16);
    expect(overview.documentCount).toBeGreaterThan(1000);
    expect(overview.latest[0]).toMatchObject({
      title: "สรุปผลประจำเดือนตุลาคม",
      agencySlug: other.slug,
    });
    expect(overview.latest.every((e) => e.publishedAt <= NOW)).toBe(true);
    const provinces = await c.public.provinces();
    expect(provinces.find((p) => p.slug === "lamphun")?.agencyCount).toBe(13);
    const lamphun = await c.public.province({ slug: "lamphun" });
    const paSang = lamphun.districts.find((d) => d.nameTh === "ป่าซาง")!;
    expect(paSang.types.map((t) => t.type)).toEqual(["sao"]);
    await expect(c.public.province({ slug: "no-such-province" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("lists agencies and one agency's disclosures as open data", async () => {
    const c = await caller();
    const agencies = await c.public.openAgencies();
    expect(agencies).toHaveLength(16);
    const lamphun = agencies.find((a) => a.slug === "lamphun")!;
    expect(lamphun).toMatchObject({ provinceTh: "ลำพูน", type: "province" });
    expect(lamphun.documents).toBeGreaterThan(0);
    const rows = await c.public.openDisclosures({ slug: other.slug, fiscalYear: "2570" });
    expect(rows.entries).toHaveLength(1);
    expect(rows.entries[0]).toMatchObject({
      itemCode: "O21",
      categories: [3],
      title: "สรุปผลประจำเดือนตุลาคม",
      attachments: [{ fileName: "summary.pdf" }],
    });
    const all = await c.public.openDisclosures({ slug: "lamphun" });
    expect(new Set(all.entries.map((e) => e.fiscalYear)).size).toBeGreaterThan(1);
    await expect(c.public.openDisclosures({ slug: "no-such-agency" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("feeds the newest public entries, site-wide and per agency, and lists agencies for the sitemap", async () => {
    const c = await caller();
    const site = await c.public.feed({ limit: 5 });
    expect(site.entries).toHaveLength(5);
    expect(site.entries[0]!.title).toBe("สรุปผลประจำเดือนตุลาคม");
    const own = await c.public.feed({ slug: other.slug });
    expect(own.agency?.slug).toBe(other.slug);
    expect(own.entries.map((e) => e.title)).toEqual(["สรุปผลประจำเดือนตุลาคม"]);
    const sitemap = await c.public.sitemap();
    expect(sitemap).toHaveLength(16);
    expect(
      sitemap.find((s) => s.slug === other.slug)!.lastModified.getTime(),
    ).toBeGreaterThanOrEqual(NOW.getTime() - DAY);
  });

  // Last: it adds an agency, which the counts above do not expect.
  it("finds a compound Thai word as a phrase, and falls back to its words only when the phrase finds nothing", async () => {
    const { db } = use();
    const agency = await createAgency(db, { type: "sao" });
    const at = new Date(NOW.getTime() - 3 * DAY);
    await createPublicEntry(db, {
      agencyId: agency.id,
      fiscalYear: 2570,
      itemCode: "O12",
      title: "โครงการป้องกันไฟป่าและหมอกควัน",
      publishedAt: at,
    });
    await createPublicEntry(db, {
      agencyId: agency.id,
      fiscalYear: 2570,
      itemCode: "O12",
      title: "ซ่อมไฟฟ้าส่องสว่าง",
      descriptionHtml: "<p>ถนนเข้าสวนป่าชุมชน</p>",
      publishedAt: at,
    });
    const c = await caller();
    const fire = await c.public.search({ q: "ไฟป่า", agency: agency.slug });
    expect(fire.terms).toEqual(["ไฟป่า"]);
    expect(fire.results.map((r) => r.title)).toEqual(["โครงการป้องกันไฟป่าและหมอกควัน"]);
    // No document has the phrase: its words, wherever they are, as before.
    const apart = await c.public.search({ q: "ไฟฟ้าสวนป่า", agency: agency.slug });
    expect(apart.terms).toEqual(searchTerms("ไฟฟ้าสวนป่า"));
    expect(apart.results.map((r) => r.title)).toEqual(["ซ่อมไฟฟ้าส่องสว่าง"]);
    const spaced = await c.public.search({ q: "ครุภัณฑ์สำนักงาน", agency: other.slug });
    expect(spaced.terms).toEqual(["ครุภัณฑ์", "สำนักงาน"]);
  });

  it("cancels a statement past the search time limit and answers QUERY_TOO_BROAD", async () => {
    const { db, driver } = use();
    const slow = withStatementTimeout(db, 50, (tx) => tx.execute(sql`select pg_sleep(2)`));
    // PGlite runs in this thread and has no timer to cancel a statement with.
    if (driver === "pglite") return void (await slow.catch(() => undefined));
    await expect(slow).rejects.toMatchObject({ code: "QUERY_TOO_BROAD" });
    // Inside a caller's transaction the limit is set there, for that transaction only.
    await expect(
      db.transaction((tx) =>
        withStatementTimeout(tx, 50, (inner) => inner.execute(sql`select pg_sleep(2)`)),
      ),
    ).rejects.toMatchObject({ code: "QUERY_TOO_BROAD" });
    expect(
      await withStatementTimeout(
        db,
        1000,
        async (tx) => (await tx.execute(sql`select 1 as one`)) !== undefined,
      ),
    ).toBe(true);
  });
});
