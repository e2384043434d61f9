import {
  bigint,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { agencies } from "./agencies.ts";
import { provinces } from "./geography.ts";

/**
 * Yearly ITA results as published by the NACC (docs/domain.md §1, §4): the total and
 * grade are the published ones, shown as they are; what the domain computes from the
 * same scores (`@ita/domain/results`) is checked against them, never stored over them.
 */
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
    /** The ten indicator scores in indicator order (index 0 = indicator 1); null where unknown. */
    indicators: jsonb().$type<(number | null)[]>(),
    /** Published total. */
    total: numeric({ precision: 5, scale: 2, mode: "number" }).notNull(),
    gradingScheme: text().notNull(),
    /** Published grade: a band code of `gradingScheme` (AA…F, excellent…urgent). */
    grade: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.agencyId, t.fiscalYear)],
);

/** A province's own target for a year: how many of its agencies should pass (Lamphun 2566: 50 of 59). */
export const provinceResultTargets = pgTable(
  "province_result_targets",
  {
    provinceId: uuid()
      .notNull()
      .references(() => provinces.id),
    fiscalYear: integer().notNull(),
    passTarget: integer().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provinceId, t.fiscalYear] })],
);

/**
 * Access statistics for executives (docs/domain.md §6): page views, file downloads and
 * searches per agency and fiscal quarter. Aggregate counters only — no address, cookie
 * or per-visitor row is ever stored; the portal counts in memory and adds its batch.
 */
export const accessCounters = pgTable(
  "access_counters",
  {
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    fiscalYear: integer().notNull(),
    quarter: integer().notNull(),
    /** page-view | download | search (@ita/domain/access ACCESS_KINDS). */
    kind: text().notNull(),
    count: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.fiscalYear, t.quarter, t.kind] })],
);

/**
 * Site-wide portal searches (not within one agency) per fiscal quarter: an aggregate
 * counter like `access_counters`, which needs an agency. Read by system administrators
 * and province coordinators.
 */
export const siteSearchCounters = pgTable(
  "site_search_counters",
  {
    fiscalYear: integer().notNull(),
    quarter: integer().notNull(),
    count: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.fiscalYear, t.quarter] })],
);
