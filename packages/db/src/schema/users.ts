import { AGENCY_ROLES, ROLES, type AgencyRole, type Role } from "@ita/domain/roles";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  index,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { agencies } from "./agencies.ts";
import { provinces } from "./geography.ts";
import { oneOf } from "./one-of.ts";

export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => new Uint8Array(value),
});

export const users = pgTable("users", {
  id: uuid().primaryKey().defaultRandom(),
  /** Stored lower-cased; sign-in compares lower-cased input. */
  email: text().notNull().unique(),
  displayName: text().notNull(),
  passwordHash: text(),
  totpKey: bytea(),
  /**
   * Key shown during enrolment; becomes `totpKey` once a code from it is confirmed. It
   * stays the same across reloads until confirmed or expired (see two-factor.ts).
   */
  totpPendingKey: bytea(),
  totpPendingCreatedAt: timestamp({ withTimezone: true }),
  /** The pending key an expired enrolment replaced: a code from it gets a precise hint. */
  totpSupersededKey: bytea(),
  /** Time step of the last accepted code: a code is never accepted twice (replay). */
  totpLastStep: bigint({ mode: "number" }),
  locale: text().notNull().default("th"),
  isSystemAdmin: boolean().notNull().default(false),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  disabledAt: timestamp({ withTimezone: true }),
});

/** A role held in one agency (or one province for coordinators). */
export const roleAssignments = pgTable(
  "role_assignments",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** One of `ROLES` (the database checks the list). */
    role: text().$type<Role>().notNull(),
    agencyId: uuid().references(() => agencies.id, { onDelete: "cascade" }),
    provinceId: uuid().references(() => provinces.id, { onDelete: "cascade" }),
    /** Who gave the role, and in which of their sessions (four-eyes on grants, ADR 0014). */
    grantedBy: uuid().references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    grantedInSession: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("role_assignments_role_check", sql`${t.role} in ${oneOf(ROLES)}`),
    unique().on(t.userId, t.role, t.agencyId, t.provinceId),
    index().on(t.agencyId),
  ],
);

/**
 * An agency role offered but not yet in force (ADR 0014): it awaits the account
 * holder's consent (an existing account was invited) or a second administrator's
 * confirmation (an administrator granted it to themselves or to someone they invited
 * in the same session).
 */
export const pendingRoles = pgTable(
  "pending_roles",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    role: text().$type<AgencyRole>().notNull(),
    awaiting: text().$type<"account-holder" | "second-admin">().notNull(),
    requestedBy: uuid().references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    requestedInSession: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("pending_roles_role_check", sql`${t.role} in ${oneOf(AGENCY_ROLES)}`),
    check(
      "pending_roles_awaiting_check",
      sql`${t.awaiting} in ${oneOf(["account-holder", "second-admin"])}`,
    ),
    unique().on(t.userId, t.agencyId, t.role),
    index().on(t.agencyId),
  ],
);

/** Sessions after Lucia's design: the id is public, only the secret's hash is kept. */
export const sessions = pgTable(
  "sessions",
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    secretHash: bytea().notNull(),
    twoFactorVerified: boolean().notNull().default(false),
    userAgent: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastVerifiedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId)],
);

/** Two-factor recovery codes: only a SHA-256 of each is kept; each works once. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId)],
);

/**
 * Failed sign-in (and two-factor) attempts, one row each, keyed `account:<email>`,
 * `ip:<address>` or `totp:<user id>`. Throttling counts rows in a sliding window, so
 * it holds across processes that share the database.
 */
export const authFailures = pgTable(
  "auth_failures",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    key: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.key, t.at)],
);

/** Invitation and password-reset links: only the token's SHA-256 is stored; one use, with an expiry. */
export const oneTimeTokens = pgTable(
  "one_time_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** invitation | password-reset */
    purpose: text().notNull(),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId)],
);
