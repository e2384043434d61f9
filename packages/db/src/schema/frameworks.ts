import {
  EVIDENCE_KINDS,
  ITEM_CADENCES,
  type EvidenceKind,
  ITEM_TAGS,
  type ItemCadence,
  type ItemTag,
} from "@ita/domain/frameworks";
import { sql } from "drizzle-orm";
import { check, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { arrayOf, oneOf } from "./one-of.ts";

/**
 * An assessment framework is data, versioned per fiscal year and agency type, so next
 * year's criteria are added without a code change (see @ita/domain frameworks).
 */
export const frameworks = pgTable(
  "frameworks",
  {
    id: uuid().primaryKey().defaultRandom(),
    key: text().notNull().unique(),
    fiscalYear: integer().notNull(),
    agencyTypes: text().array().notNull(),
    titleTh: text().notNull(),
    titleEn: text().notNull(),
    gradingScheme: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.fiscalYear, t.key)],
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
