import { REVIEW_VERDICTS, type ReviewVerdict } from "@ita/domain/readiness";
import { sql } from "drizzle-orm";
import {
  bigserial,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { agencies } from "./agencies.ts";
import { provinces } from "./geography.ts";
import { oneOf } from "./one-of.ts";
import { users } from "./users.ts";

/**
 * One review round of a province's plan for a fiscal year (docs/domain.md §6): the
 * coordinator checks `itemCodes` of every agency of the province by `deadline`.
 * Deadlines are the province's, not the national criteria's.
 */
export const provinceReviewRounds = pgTable(
  "province_review_rounds",
  {
    id: uuid().primaryKey().defaultRandom(),
    provinceId: uuid()
      .notNull()
      .references(() => provinces.id),
    fiscalYear: integer().notNull(),
    number: integer().notNull(),
    titleTh: text().notNull(),
    /** The last day agencies have (Bangkok calendar date). */
    deadline: date({ mode: "string" }).notNull(),
    itemCodes: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.provinceId, t.fiscalYear, t.number)],
);

export const REMINDER_KINDS = ["due-soon", "overdue"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/**
 * The coordinator's verdict on an agency's published item, kept as history (the latest
 * counts). `versionIds` are the published versions reviewed: a version published later
 * sends the item back to review (@ita/domain/readiness).
 */
export const itemReviews = pgTable(
  "item_reviews",
  {
    id: uuid().primaryKey().defaultRandom(),
    seq: bigserial({ mode: "number" }).notNull(),
    roundId: uuid()
      .notNull()
      .references(() => provinceReviewRounds.id),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    itemCode: text().notNull(),
    verdict: text().$type<ReviewVerdict>().notNull(),
    comment: text(),
    versionIds: uuid().array().notNull(),
    reviewerId: uuid().references(() => users.id, { onDelete: "set null" }),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("item_reviews_verdict_check", sql`${t.verdict} in ${oneOf(REVIEW_VERDICTS)}`),
    index().on(t.agencyId, t.itemCode, t.seq),
    index().on(t.roundId),
  ],
);

/**
 * Reminders sent to an agency about a round: one row per agency, round and kind, so
 * the reminder task never sends the same one twice. Shown to the agency's editors
 * and administrators among their notifications.
 */
export const reviewReminders = pgTable(
  "review_reminders",
  {
    id: uuid().primaryKey().defaultRandom(),
    roundId: uuid()
      .notNull()
      .references(() => provinceReviewRounds.id, { onDelete: "cascade" }),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    kind: text().$type<ReminderKind>().notNull(),
    /** Items of the round the agency had not published when reminded. */
    missingCount: integer().notNull(),
    /** How many e-mails went out (0 without SMTP). */
    emailed: integer().notNull().default(0),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("review_reminders_kind_check", sql`${t.kind} in ${oneOf(REMINDER_KINDS)}`),
    unique().on(t.roundId, t.agencyId, t.kind),
    index().on(t.agencyId, t.at),
  ],
);
