import { boolean, customType, index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { agencies } from "./agencies.ts";
import { provinces } from "./geography.ts";

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
    /** agency-admin | editor | approver | complaint-officer | province-coordinator */
    role: text().notNull(),
    agencyId: uuid().references(() => agencies.id, { onDelete: "cascade" }),
    provinceId: uuid().references(() => provinces.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.userId, t.role, t.agencyId, t.provinceId), index().on(t.agencyId)],
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
