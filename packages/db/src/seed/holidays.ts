import { and, count, gte, lte } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { publicHolidays } from "../schema/index.ts";

/**
 * Government holidays (วันหยุดราชการ) as announced for 2569 (2026), ADR 0030: only dates
 * confirmed in a published list of the Cabinet's holidays for the year (Thaiger,
 * 2 December 2025, "Thai Cabinet withdraws plan to add more public holidays in 2026";
 * the special holiday of 2 January in the Cabinet Secretariat's announcement reported by
 * MGR Online, 6 November 2025). The rest of 2026 (August–December) and every later year
 * are entered by a system administrator from the Cabinet's announcement, substitution
 * days included.
 */
export const ANNOUNCED_HOLIDAYS: readonly { date: string; nameTh: string; nameEn: string }[] = [
  { date: "2026-01-01", nameTh: "วันขึ้นปีใหม่", nameEn: "New Year's Day" },
  {
    date: "2026-01-02",
    nameTh: "วันหยุดราชการเพิ่มเป็นกรณีพิเศษ",
    nameEn: "Special public holiday",
  },
  { date: "2026-03-03", nameTh: "วันมาฆบูชา", nameEn: "Makha Bucha Day" },
  {
    date: "2026-04-06",
    nameTh: "วันพระบาทสมเด็จพระพุทธยอดฟ้าจุฬาโลกมหาราชและวันที่ระลึกมหาจักรีบรมราชวงศ์",
    nameEn: "Chakri Memorial Day",
  },
  { date: "2026-04-13", nameTh: "วันสงกรานต์", nameEn: "Songkran Festival" },
  { date: "2026-04-14", nameTh: "วันสงกรานต์", nameEn: "Songkran Festival" },
  { date: "2026-04-15", nameTh: "วันสงกรานต์", nameEn: "Songkran Festival" },
  { date: "2026-05-01", nameTh: "วันแรงงานแห่งชาติ", nameEn: "National Labour Day" },
  { date: "2026-05-04", nameTh: "วันฉัตรมงคล", nameEn: "Coronation Day" },
  { date: "2026-05-31", nameTh: "วันวิสาขบูชา", nameEn: "Visakha Bucha Day" },
  {
    date: "2026-06-03",
    nameTh: "วันเฉลิมพระชนมพรรษาสมเด็จพระนางเจ้าฯ พระบรมราชินี",
    nameEn: "H.M. Queen Suthida's Birthday",
  },
  {
    date: "2026-07-28",
    nameTh: "วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระเจ้าอยู่หัว",
    nameEn: "H.M. the King's Birthday",
  },
  { date: "2026-07-29", nameTh: "วันอาสาฬหบูชา", nameEn: "Asanha Bucha Day" },
  { date: "2026-07-30", nameTh: "วันเข้าพรรษา", nameEn: "Buddhist Lent Day" },
];

/**
 * Adds the announced holidays of a year only while that year has none: a holiday an
 * administrator removed is not put back on the next start.
 */
export async function seedPublicHolidays(db: Executor): Promise<void> {
  const years = [...new Set(ANNOUNCED_HOLIDAYS.map((h) => h.date.slice(0, 4)))];
  for (const year of years) {
    const [row] = await db
      .select({ n: count() })
      .from(publicHolidays)
      .where(
        and(gte(publicHolidays.date, `${year}-01-01`), lte(publicHolidays.date, `${year}-12-31`)),
      );
    if (row!.n > 0) continue;
    await db
      .insert(publicHolidays)
      .values(ANNOUNCED_HOLIDAYS.filter((h) => h.date.startsWith(year)))
      .onConflictDoNothing();
  }
}
