import { relations } from "drizzle-orm";
import { agencies, agencyExecutives } from "./agencies.ts";
import { attachments, disclosureEntries, disclosureVersions } from "./disclosures.ts";
import { frameworkItems, frameworks } from "./frameworks.ts";
import { districts, provinces } from "./geography.ts";
import { itaResults } from "./results.ts";
import { roleAssignments, users } from "./users.ts";

export const provincesRelations = relations(provinces, ({ many }) => ({
  districts: many(districts),
  agencies: many(agencies),
}));

export const districtsRelations = relations(districts, ({ one, many }) => ({
  province: one(provinces, { fields: [districts.provinceId], references: [provinces.id] }),
  agencies: many(agencies),
}));

export const agenciesRelations = relations(agencies, ({ one, many }) => ({
  province: one(provinces, { fields: [agencies.provinceId], references: [provinces.id] }),
  district: one(districts, { fields: [agencies.districtId], references: [districts.id] }),
  executives: many(agencyExecutives),
  results: many(itaResults),
  entries: many(disclosureEntries),
}));

export const agencyExecutivesRelations = relations(agencyExecutives, ({ one }) => ({
  agency: one(agencies, { fields: [agencyExecutives.agencyId], references: [agencies.id] }),
}));

export const frameworksRelations = relations(frameworks, ({ many }) => ({
  items: many(frameworkItems),
}));

export const frameworkItemsRelations = relations(frameworkItems, ({ one }) => ({
  framework: one(frameworks, { fields: [frameworkItems.frameworkId], references: [frameworks.id] }),
}));

export const disclosureEntriesRelations = relations(disclosureEntries, ({ one, many }) => ({
  agency: one(agencies, { fields: [disclosureEntries.agencyId], references: [agencies.id] }),
  versions: many(disclosureVersions),
  attachments: many(attachments),
}));

export const disclosureVersionsRelations = relations(disclosureVersions, ({ one, many }) => ({
  entry: one(disclosureEntries, {
    fields: [disclosureVersions.entryId],
    references: [disclosureEntries.id],
  }),
  attachments: many(attachments),
}));

export const attachmentsRelations = relations(attachments, ({ one }) => ({
  entry: one(disclosureEntries, {
    fields: [attachments.entryId],
    references: [disclosureEntries.id],
  }),
  version: one(disclosureVersions, {
    fields: [attachments.versionId],
    references: [disclosureVersions.id],
  }),
}));

export const itaResultsRelations = relations(itaResults, ({ one }) => ({
  agency: one(agencies, { fields: [itaResults.agencyId], references: [agencies.id] }),
}));

export const usersRelations = relations(users, ({ many }) => ({
  roles: many(roleAssignments),
}));

export const roleAssignmentsRelations = relations(roleAssignments, ({ one }) => ({
  user: one(users, { fields: [roleAssignments.userId], references: [users.id] }),
  agency: one(agencies, { fields: [roleAssignments.agencyId], references: [agencies.id] }),
  province: one(provinces, { fields: [roleAssignments.provinceId], references: [provinces.id] }),
}));
