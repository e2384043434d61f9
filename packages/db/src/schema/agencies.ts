import {
  DEFAULT_ACKNOWLEDGE_WORKING_DAYS,
  DEFAULT_DECIDE_WORKING_DAYS,
  type ComplaintChannels,
} from "@ita/domain/complaints";
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { districts, provinces } from "./geography.ts";

export interface SocialLink {
  label: string;
  url: string;
}

export const agencies = pgTable(
  "agencies",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Part of every permalink: never reused, never changed once published. */
    slug: text().notNull().unique(),
    nameTh: text().notNull(),
    nameEn: text(),
    /** One of @ita/domain AGENCY_TYPES. */
    type: text().notNull(),
    provinceId: uuid()
      .notNull()
      .references(() => provinces.id),
    districtId: uuid().references(() => districts.id),
    address: text(),
    phone: text(),
    email: text(),
    website: text(),
    socialLinks: jsonb().$type<SocialLink[]>().notNull().default([]),
    /** The agency's own complaint channels (@ita/domain/complaints ComplaintChannels). */
    complaintChannels: jsonb().$type<ComplaintChannels>().notNull().default({}),
    /** Complaint deadlines for complaints filed from now on, in working days (@ita/domain/complaints). */
    complaintAcknowledgeWorkingDays: integer().notNull().default(DEFAULT_ACKNOWLEDGE_WORKING_DAYS),
    complaintDecideWorkingDays: integer().notNull().default(DEFAULT_DECIDE_WORKING_DAYS),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.provinceId, t.districtId), index().on(t.type)],
);

export const agencyExecutives = pgTable(
  "agency_executives",
  {
    id: uuid().primaryKey().defaultRandom(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
    name: text().notNull(),
    positionTh: text().notNull(),
    photoAttachmentId: uuid(),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [index().on(t.agencyId)],
);
