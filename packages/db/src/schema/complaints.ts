import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import {
  COMPLAINT_EVENT_AUTHORS,
  COMPLAINT_REMINDER_KINDS,
  COMPLAINT_STATE_KEYS,
  type ComplaintEventAuthor,
  type ComplaintReminderKind,
  type ComplaintState,
} from "@ita/domain/complaints";
import { agencies } from "./agencies.ts";
import { oneOf } from "./one-of.ts";
import { bytea, users } from "./users.ts";

/**
 * One complaint. Everything the complainant wrote and who they are is sealed with the
 * complaint's own data key (AES-256-GCM); the data key is stored only wrapped by a
 * key-encryption key that never enters the database (packages/api/src/complaints/crypto.ts).
 * The clear columns are what case work and statistics need: agency, subject type,
 * state, outcome and dates. Neither the receipt code nor any client address is stored.
 */
export const complaints = pgTable(
  "complaints",
  {
    id: uuid().primaryKey().defaultRandom(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    fiscalYear: integer().notNull(),
    /** "2568/0007": per agency and fiscal year. */
    reference: text().notNull(),
    subject: text().notNull(),
    state: text().$type<ComplaintState>().notNull().default("received"),
    outcome: text(),
    /**
     * argon2id of the receipt code (fixed salt, so it can be looked up). Null on a case
     * forwarded in from another agency: the complainant's code opens the case they filed,
     * which leads on to this one through `forwardedFromId` (ADR 0027).
     */
    receiptHash: text().unique(),
    /** SHA-256 of the form's one-time token: a resubmission finds the same complaint. Null when forwarded in. */
    formTokenHash: text().unique(),
    /** The case this one was forwarded from (another agency's); each case is forwarded at most once. */
    forwardedFromId: uuid()
      .references((): AnyPgColumn => complaints.id)
      .unique(),
    /** Which key-encryption key wrapped `wrappedKey` (rotation re-wraps, see ADR). */
    kekId: text().notNull(),
    wrappedKey: bytea().notNull(),
    /** Sealed JSON: description, involved, when, where. */
    content: bytea(),
    /** Sealed JSON: name, phone, e-mail, consent. Null when anonymous. */
    identity: bytea(),
    isAnonymous: boolean().notNull(),
    assigneeId: uuid().references(() => users.id),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    acknowledgeBy: timestamp({ withTimezone: true }).notNull(),
    decideBy: timestamp({ withTimezone: true }).notNull(),
    acknowledgedAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    /** Content, identity, messages and files removed after retention; the row stays for statistics. */
    purgedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("complaints_state_check", sql`${t.state} in ${oneOf(COMPLAINT_STATE_KEYS)}`),
    unique().on(t.agencyId, t.reference),
    index().on(t.agencyId, t.state, t.receivedAt.desc()),
    index().on(t.agencyId, t.fiscalYear),
  ],
);

/**
 * A case's timeline: state changes, messages both ways, internal notes, identity
 * reveals. Bodies are sealed with the complaint's data key.
 */
export const complaintEvents = pgTable(
  "complaint_events",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Insertion order: events of one instant (one transaction) keep their order. */
    seq: bigserial({ mode: "number" }).notNull(),
    complaintId: uuid()
      .notNull()
      .references(() => complaints.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** state | message | note | reveal | assign | forward | forwarded-in */
    kind: text().notNull(),
    author: text().$type<ComplaintEventAuthor>().notNull(),
    actorId: uuid().references(() => users.id),
    fromState: text().$type<ComplaintState>(),
    toState: text().$type<ComplaintState>(),
    /** Internal rows (notes, reveals, assignments) are never shown to the complainant. */
    internal: boolean().notNull().default(false),
    body: bytea(),
  },
  (t) => [
    check("complaint_events_author_check", sql`${t.author} in ${oneOf(COMPLAINT_EVENT_AUTHORS)}`),
    check(
      "complaint_events_states_check",
      sql`(${t.fromState} is null or ${t.fromState} in ${oneOf(COMPLAINT_STATE_KEYS)}) and (${t.toState} is null or ${t.toState} in ${oneOf(COMPLAINT_STATE_KEYS)})`,
    ),
    index().on(t.complaintId, t.seq),
  ],
);

/** Next reference number per agency and fiscal year, taken atomically with an upsert. */
export const complaintCounters = pgTable(
  "complaint_counters",
  {
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    fiscalYear: integer().notNull(),
    last: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.fiscalYear] })],
);

/**
 * The filing form's evidence before the complaint exists: created when the first file
 * is attached, keyed by the form's one-time token (HMAC, like `complaints.formTokenHash`).
 * Its id and data key become the complaint's when the form is sent, in the filing
 * transaction; a draft never sent is purged by the job queue with its files.
 */
export const complaintDrafts = pgTable("complaint_drafts", {
  /** The complaint's id once filed: the files are sealed under it from the start. */
  id: uuid().primaryKey(),
  formTokenHash: text().notNull().unique(),
  kekId: text().notNull(),
  wrappedKey: bytea().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * An evidence file: its bytes sealed with the complaint's data key in the complaint
 * file store (never in clear anywhere), its name, type, size and warnings sealed here.
 * It belongs to a draft (while the form is being filled) or to a complaint, and on a
 * complaint optionally to the timeline event (message) it came with.
 */
export const complaintFiles = pgTable(
  "complaint_files",
  {
    id: uuid().primaryKey(),
    /** Insertion order: the order the complainant chose the files in. */
    seq: bigserial({ mode: "number" }).notNull(),
    complaintId: uuid().references(() => complaints.id),
    draftId: uuid().references(() => complaintDrafts.id),
    eventId: uuid().references(() => complaintEvents.id),
    /** Key of the sealed bytes in the complaint file store. */
    storageKey: text().notNull().unique(),
    /** Sealed JSON: name, content type, size, warnings. */
    meta: bytea(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.complaintId),
    index().on(t.draftId),
    check("complaint_files_owner", sql`(${t.complaintId} IS NULL) <> (${t.draftId} IS NULL)`),
  ],
);

/**
 * Proof-of-work challenges that have filed a complaint (ADR 0012, proof of work): each
 * files once. Recorded in the filing's own transaction, so a replay finds the row and is
 * refused. Only the challenge's random nonce is kept, never anything about the client;
 * rows are forgotten a day after the challenge expired.
 */
export const spentFilingChallenges = pgTable("spent_filing_challenges", {
  nonce: text().primaryKey(),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
});

/**
 * Deadline reminders sent about a case (ADR 0028): one row per complaint and kind, so
 * the reminder task never sends the same one twice. Shown to the agency's complaint
 * officers among their notifications; the e-mail says only which agency has a
 * complaint due when, never anything the complainant wrote or who they are.
 */
export const complaintReminders = pgTable(
  "complaint_reminders",
  {
    id: uuid().primaryKey().defaultRandom(),
    complaintId: uuid()
      .notNull()
      .references(() => complaints.id),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    kind: text().$type<ComplaintReminderKind>().notNull(),
    /** The deadline reminded of. */
    dueAt: timestamp({ withTimezone: true }).notNull(),
    /** How many e-mails went out (0 without SMTP). */
    emailed: integer().notNull().default(0),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("complaint_reminders_kind_check", sql`${t.kind} in ${oneOf(COMPLAINT_REMINDER_KINDS)}`),
    unique().on(t.complaintId, t.kind),
    index().on(t.agencyId, t.at),
  ],
);
