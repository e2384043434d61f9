import { integer, numeric, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { agencies } from "./agencies.ts";

/** Yearly ITA results as published by the NACC; graded under that year's scheme. */
export const itaResults = pgTable(
  "ita_results",
  {
    id: uuid().primaryKey().defaultRandom(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    fiscalYear: integer().notNull(),
    iit: numeric({ precision: 5, scale: 2, mode: "number" }),
    eit: numeric({ precision: 5, scale: 2, mode: "number" }),
    oit: numeric({ precision: 5, scale: 2, mode: "number" }),
    total: numeric({ precision: 5, scale: 2, mode: "number" }).notNull(),
    gradingScheme: text().notNull(),
    grade: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.agencyId, t.fiscalYear)],
);
