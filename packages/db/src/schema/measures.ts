import {
  MEASURE_STATUSES,
  WEAK_POINT_SOURCES,
  type MeasureStatus,
  type WeakPointSource,
} from "@ita/domain/measures";
import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { agencies } from "./agencies.ts";
import { oneOf } from "./one-of.ts";
import { users } from "./users.ts";

/**
 * One weak point of an agency's last ITA result and the measure the agency takes for it
 * in `fiscalYear` (docs/domain.md §9). Kept together: the seeds' documents pair each
 * issue with its measure, and a measure without its issue means nothing. Staff data;
 * the public sees the document published through an entry of the year's measures item.
 */
export const integrityMeasures = pgTable(
  "integrity_measures",
  {
    id: uuid().primaryKey().defaultRandom(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    /** The year the measure is carried out (the result analysed is the year before). */
    fiscalYear: integer().notNull(),
    source: text().$type<WeakPointSource>().notNull(),
    /** Indicator number ("4") or question code ("I10"). */
    code: text().notNull(),
    score: numeric({ precision: 5, scale: 2, mode: "number" }),
    finding: text().notNull(),
    measureTitle: text().notNull(),
    steps: jsonb().$type<string[]>().notNull(),
    startDate: date({ mode: "string" }).notNull(),
    endDate: date({ mode: "string" }).notNull(),
    responsibleUnit: text().notNull(),
    monitoring: text().notNull(),
    sortOrder: integer().notNull().default(0),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("integrity_measures_source_check", sql`${t.source} in ${oneOf(WEAK_POINT_SOURCES)}`),
    check("integrity_measures_period_check", sql`${t.endDate} >= ${t.startDate}`),
    index().on(t.agencyId, t.fiscalYear),
  ],
);

/** A progress update on a measure during the year: kept as history, newest last. */
export const integrityMeasureProgress = pgTable(
  "integrity_measure_progress",
  {
    id: uuid().primaryKey().defaultRandom(),
    measureId: uuid()
      .notNull()
      .references(() => integrityMeasures.id, { onDelete: "cascade" }),
    /** The day the progress is reported for (Bangkok calendar date). */
    date: date({ mode: "string" }).notNull(),
    status: text().$type<MeasureStatus>().notNull(),
    text: text().notNull(),
    authorId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "integrity_measure_progress_status_check",
      sql`${t.status} in ${oneOf(MEASURE_STATUSES)}`,
    ),
    index().on(t.measureId, t.date),
  ],
);
