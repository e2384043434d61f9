import { ENTRY_STATES, type EntryEvent, type EntryState } from "@ita/domain/workflow";
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { TEXT_STATES, type TextState } from "@ita/domain/document-text";
import { agencies } from "./agencies.ts";
import { frameworks } from "./frameworks.ts";
import { districts, provinces } from "./geography.ts";
import { oneOf } from "./one-of.ts";
import { users } from "./users.ts";

export interface EntryLink {
  url: string;
  label?: string;
}

/**
 * One disclosure published under an OIT item of an agency for a fiscal year. The
 * public permalink is (agency slug, fiscal year, item code), so editing an entry never
 * moves it. Content lives in versions; nothing that was public is ever hard-deleted.
 */
export const disclosureEntries = pgTable(
  "disclosure_entries",
  {
    id: uuid().primaryKey().defaultRandom(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    fiscalYear: integer().notNull(),
    itemCode: text().notNull(),
    /**
     * The period the entry reports, for an item expected several times a year
     * (`cadence`): fiscal month 1–12 (1 = October) or quarter 1–4; null for an item
     * asked for once, and for entries made before entries said it.
     */
    period: integer(),
    /**
     * The framework version the entry was made under (ADR 0022): an edit of that
     * framework makes a new version instead of changing what this entry answered.
     */
    frameworkId: uuid().references(() => frameworks.id),
    /** Workflow state of the newest version (`ENTRY_STATES`; the database checks the list). */
    state: text().$type<EntryState>().notNull().default("draft"),
    currentVersionId: uuid(),
    /** The version the public sees; stays while a revision waits for approval. */
    publishedVersionId: uuid(),
    /**
     * An approved revision of a public entry waiting for `publishAt`: the published
     * version stays public until then, when `publishDueVersions` makes this one public.
     */
    scheduledVersionId: uuid(),
    /** When `scheduledVersionId` (or a first publication) goes public; null once it has. */
    publishAt: timestamp({ withTimezone: true }),
    /** The moment the entry became public; never in the past at approval (docs/adr, "Published content safeguards"). */
    publishedAt: timestamp({ withTimezone: true }),
    withdrawnAt: timestamp({ withTimezone: true }),
    withdrawnReason: text(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("disclosure_entries_state_check", sql`${t.state} in ${oneOf(ENTRY_STATES)}`),
    check("disclosure_entries_period_check", sql`${t.period} between 1 and 12`),
    index().on(t.agencyId, t.fiscalYear, t.itemCode),
    index().on(t.frameworkId),
    // Ascending on purpose: walked backwards it gives exactly `published_at DESC, id DESC`
    // (NULLS FIRST), the order of feeds; `.desc()` would be NULLS LAST and sort every row.
    index().on(t.publishedAt, t.id),
    // The due schedules, found each minute without reading every entry.
    index()
      .on(t.publishAt)
      .where(sql`scheduled_version_id is not null`),
  ],
);

export const disclosureVersions = pgTable(
  "disclosure_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    entryId: uuid()
      .notNull()
      .references(() => disclosureEntries.id),
    versionNo: integer().notNull(),
    title: text().notNull(),
    /** Sanitised HTML, safe to render as is. */
    descriptionHtml: text().notNull().default(""),
    /** What the clerk typed (Markdown or pasted HTML), shown again when editing; null for imported rows. */
    descriptionSource: text(),
    links: jsonb().$type<EntryLink[]>().notNull().default([]),
    authorId: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.entryId, t.versionNo)],
);

export const attachments = pgTable(
  "attachments",
  {
    id: uuid().primaryKey().defaultRandom(),
    entryId: uuid().references(() => disclosureEntries.id),
    versionId: uuid().references(() => disclosureVersions.id),
    fileName: text().notNull(),
    /** Detected from the content, not trusted from the upload. */
    contentType: text().notNull(),
    sizeBytes: bigint({ mode: "number" }).notNull(),
    sha256: text().notNull(),
    /** Key in the file store (content-addressed). */
    storageKey: text().notNull(),
    extractedText: text(),
    /**
     * Where the file's text stands (TEXT_STATES in @ita/domain/thai-text): read from its
     * text layer, reading (OCR job queued), none, or read by OCR.
     */
    textState: text().$type<TextState>().notNull().default("read"),
    uploadedBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.versionId),
    index().on(t.entryId),
    check("attachments_text_state_check", sql`${t.textState} in ${oneOf(TEXT_STATES)}`),
  ],
);

/** Workflow history: who submitted, returned (with comment), approved, unpublished. */
export const entryEvents = pgTable(
  "entry_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Order of events: several can share a timestamp (one transaction, or a fixed clock in tests). */
    seq: bigserial({ mode: "number" }).notNull(),
    entryId: uuid()
      .notNull()
      .references(() => disclosureEntries.id),
    versionId: uuid().references(() => disclosureVersions.id),
    /** One of `ENTRY_EVENTS`. */
    action: text().$type<EntryEvent>().notNull(),
    actorId: uuid().references(() => users.id),
    comment: text(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.entryId)],
);

/**
 * Denormalised search index of what is public, one row per published entry, kept in
 * step by the publishing use cases. Thai has no spaces, so matching is by trigram
 * (pg_trgm GIN index) on `searchText`, which needs a UTF-8 LC_CTYPE database.
 */
export const searchDocuments = pgTable(
  "search_documents",
  {
    entryId: uuid()
      .primaryKey()
      .references(() => disclosureEntries.id),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    provinceId: uuid()
      .notNull()
      .references(() => provinces.id),
    districtId: uuid().references(() => districts.id),
    fiscalYear: integer().notNull(),
    itemCode: text().notNull(),
    categories: integer().array().notNull(),
    title: text().notNull(),
    /**
     * The title folded like `search_text` (`search_key()`, migration 0014), for the
     * title-first search rank: stored,
     * because normalising every candidate's title per query cost more than matching it,
     * and a column has statistics of its own (docs/performance.md, finding 2).
     */
    titleKey: text().generatedAlwaysAs(sql`search_key(title)`),
    body: text().notNull(),
    searchText: text().notNull(),
    publishedAt: timestamp({ withTimezone: true }).notNull(),
    /**
     * Months since year 0 of `publishedAt` (UTC): rises with it, so the text rank can
     * take the newest month first and stop once a page is full, reading only one
     * month's matches of a word instead of all of them (docs/adr/0034).
     */
    publishedMonth: integer()
      .notNull()
      .generatedAlwaysAs(
        sql`(date_part('year', published_at at time zone 'UTC') * 12 + date_part('month', published_at at time zone 'UTC') - 1)::integer`,
      ),
  },
  (t) => [
    // The month first (btree_gin), so one month's matches of a word are found without
    // reading the others; a search without a month still uses the trigrams alone.
    index("search_documents_month_text_trgm").using(
      "gin",
      t.publishedMonth,
      sql`${t.searchText} gin_trgm_ops`,
    ),
    // The title-first rank matches titles alone: for a rare word this finds the few title
    // matches without reading every document that contains the word.
    index("search_documents_title_key_trgm").using("gin", sql`${t.titleKey} gin_trgm_ops`),
    // published_at last: the agency page's year list filters out what is scheduled for
    // later and still reads the index alone.
    index().on(t.agencyId, t.fiscalYear, t.publishedAt),
    // Walked backwards for `ORDER BY published_at DESC, entry_id DESC` (search, home
    // "latest"), so a LIMIT stops early; see docs/performance.md.
    index().on(t.publishedAt, t.entryId),
    // The same walk within one month: a word the planner wrongly thinks common reads at
    // most one month's rows this way.
    index().on(t.publishedMonth, t.publishedAt, t.entryId),
  ],
);
