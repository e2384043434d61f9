import { date, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users.ts";

/**
 * Public holidays of the Thai government (วันหยุดราชการ), as the Cabinet announces them
 * each year, substitution days (วันหยุดชดเชย) and special holidays included. Data, not
 * code: system administrators keep it in the admin; working-day deadlines skip these
 * dates (`@ita/domain/working-days`, ADR 0030).
 */
export const publicHolidays = pgTable("public_holidays", {
  /** The calendar date (CE), one row per date. */
  date: date({ mode: "string" }).primaryKey(),
  nameTh: text().notNull(),
  nameEn: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
});
