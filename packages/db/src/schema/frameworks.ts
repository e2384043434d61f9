import {
  EVIDENCE_KINDS,
  ITEM_CADENCES,
  type EvidenceKind,
  ITEM_TAGS,
  type ItemCadence,
  type ItemTag,
} from "@ita/domain/frameworks";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { arrayOf, oneOf } from "./one-of.ts";

/**
 * An assessment framework is data, versioned per fiscal year and agency type, so next
 * year's criteria are added without a code change (see @ita/domain frameworks).
 *
 * A framework in use (an entry points at it) is never edited in place: an edit makes
 * the next version of the same key, which applies from then on, and the old row stays
 * as it was with `supersededAt` set, for the entries made under it (ADR 0022). Only
 * current versions (`supersededAt` null) govern new work.
 */
export const frameworks = pgTable(
  "frameworks",
  {
    id: uuid().primaryKey().defaultRandom(),
    key: text().notNull(),
    /** 1, 2, … per key; one current version per key. */
    version: integer().notNull().default(1),
    previousVersionId: uuid().references((): AnyPgColumn => frameworks.id),
    /** When the next version replaced this one; null for the current version. */
    supersededAt: timestamp({ withTimezone: true }),
    /** Last change through the admin (start-up seeding leaves such keys alone). */
    editedAt: timestamp({ withTimezone: true }),
    editedBy: uuid(),
    fiscalYear: integer().notNull(),
    agencyTypes: text().array().notNull(),
    titleTh: text().notNull(),
    titleEn: text().notNull(),
    gradingScheme: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique().on(t.key, t.version),
    uniqueIndex("frameworks_current_key")
      .on(t.key)
      .where(sql`superseded_at is null`),
    index().on(t.fiscalYear),
  ],
);

export const frameworkItems = pgTable(
  "framework_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    frameworkId: uuid()
      .notNull()
      .references(() => frameworks.id, { onDelete: "cascade" }),
    code: text().notNull(),
    titleTh: text().notNull(),
    titleEn: text().notNull(),
    /** Public disclosure categories 1–7 the item is listed under. */
    categories: integer().array().notNull(),
    indicator: integer(),
    sortOrder: integer().notNull(),
    /** How many entries a fiscal year needs (`ITEM_CADENCES`: once, quarterly, monthly). */
    cadence: text().$type<ItemCadence>().notNull().default("once"),
    /** Evidence that shows the item, any one of which will do (`EVIDENCE_KINDS`). */
    evidence: text()
      .array()
      .$type<EvidenceKind[]>()
      .notNull()
      .default(sql`'{document,link}'::text[]`),
    /** The role the item plays in the portal (`ITEM_TAGS`), at most one item per tag. */
    tag: text().$type<ItemTag>(),
    /** What must be shown for the item, Thai and English. */
    guidanceTh: text().notNull().default(""),
    guidanceEn: text().notNull().default(""),
  },
  (t) => [
    unique().on(t.frameworkId, t.code),
    unique().on(t.frameworkId, t.tag),
    check("framework_items_tag_check", sql`${t.tag} in ${oneOf(ITEM_TAGS)}`),
    check("framework_items_cadence_check", sql`${t.cadence} in ${oneOf(ITEM_CADENCES)}`),
    check(
      "framework_items_evidence_check",
      sql`cardinality(${t.evidence}) > 0 and ${t.evidence} <@ ${arrayOf(EVIDENCE_KINDS)}`,
    ),
  ],
);
