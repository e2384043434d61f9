import { createAgency, createPublicEntry, describeEachDriver } from "@ita/db/testing";
import { queryRows } from "@ita/db/client";
import { SEARCH_PAGE_SIZE } from "@ita/domain/schemas";
import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { createContext } from "../context.ts";
import { createCaller } from "../index.ts";

const NOW = new Date("2026-11-22T03:00:00Z");
const DAY = 86_400_000;
/** Text matches spread over about a year, several a month, so a page spans months. */
const IN_TEXT = 45;
const IN_TITLE = 3;

/**
 * The text rank reads month by month (ADR 0034): its pages must still come out exactly
 * newest first, across month boundaries and from one page to the next, after the title
 * matches, and without what is scheduled for later.
 */
describeEachDriver("search text matches, month by month", (use) => {
  let slug = "";
  let byText: string[] = [];
  const byTitle: string[] = [];
  beforeAll(async () => {
    const { db } = use();
    const agency = await createAgency(db);
    slug = agency.slug;
    const entry = async (publishedAt: Date, title: string, descriptionHtml: string) =>
      (
        await createPublicEntry(db, {
          agencyId: agency.id,
          fiscalYear: 2570,
          itemCode: "O21",
          title,
          descriptionHtml,
          publishedAt,
        })
      ).entryId;
    // Every 8 days and a few hours back: months of 3–4 matches, boundaries crossed
    // at different hours (one of them near midnight UTC, the month's last moment).
    const textDates = Array.from(
      { length: IN_TEXT },
      (_, i) => new Date(NOW.getTime() - i * 8 * DAY - i * 3_600_000 - 1),
    );
    textDates.push(new Date("2026-02-28T23:59:59.999Z"), new Date("2026-03-01T00:00:00.000Z"));
    const made: { id: string; at: Date }[] = [];
    for (const [i, at] of textDates.entries()) {
      made.push({
        id: await entry(at, `รายงานผลการดำเนินงาน ${i}`, "<p>โครงการควบคุมไฟป่าลามทุ่งในพื้นที่</p>"),
        at,
      });
    }
    byText = made.sort((a, b) => b.at.getTime() - a.at.getTime()).map((m) => m.id);
    for (let i = 0; i < IN_TITLE; i++) {
      byTitle.push(
        await entry(new Date(NOW.getTime() - i * 40 * DAY), `แผนป้องกันไฟป่าลามทุ่ง ${i}`, ""),
      );
    }
    // Scheduled for later: not found yet.
    await entry(new Date(NOW.getTime() + DAY), "ประกาศเรื่องไฟป่าลามทุ่ง", "<p>ไฟป่าลามทุ่ง</p>");
  }, 60_000);

  // A word no other test's documents hold: the whole index's search reads the months.
  const search = async (page: number, narrowed: boolean) => {
    const caller = createCaller(await createContext({ db: use().db, now: () => NOW }));
    return caller.public.search({ q: "ไฟป่าลามทุ่ง", page, ...(narrowed ? { agency: slug } : {}) });
  };

  it("stores each document's publication month: UTC months since year 0", async () => {
    const rows = await queryRows<{ month: number; at: Date | string }>(
      use().db,
      sql`select published_month as month, published_at as at from search_documents`,
    );
    expect(rows.length).toBeGreaterThan(IN_TEXT);
    for (const row of rows) {
      const at = new Date(row.at);
      expect(row.month).toBe(at.getUTCFullYear() * 12 + at.getUTCMonth());
    }
  });

  it.each([
    ["the whole index (month by month)", false],
    ["one agency (one query)", true],
  ])("pages title matches first, then text matches newest first: %s", async (_, narrowed) => {
    const expected = [...byTitle, ...byText];
    const found: string[] = [];
    for (let page = 1; found.length < expected.length; page++) {
      const result = await search(page, narrowed);
      expect(result.results.length).toBeGreaterThan(0);
      found.push(...result.results.map((r) => r.entryId));
      expect(result.hasNextPage).toBe(found.length < expected.length);
    }
    expect(found).toEqual(expected);
    expect(expected.length).toBeGreaterThan(2 * SEARCH_PAGE_SIZE);
  });
});
