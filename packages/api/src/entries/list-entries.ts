import { disclosureEntries, disclosureVersions } from "@ita/db/schema";
import { ListEntriesInput } from "@ita/domain/schemas";
import { and, asc, desc, eq, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { AgencyContext } from "../authz/procedures.ts";

/** An agency's entries for a year (optionally one item), newest first within an item. */
export async function listEntries({
  ctx,
  input,
}: {
  ctx: AgencyContext;
  input: z.input<typeof ListEntriesInput>;
}) {
  const { fiscalYear, itemCode } = ListEntriesInput.parse(input);
  const where: SQL[] = [
    eq(disclosureEntries.agencyId, ctx.agency.id),
    eq(disclosureEntries.fiscalYear, fiscalYear),
  ];
  if (itemCode) where.push(eq(disclosureEntries.itemCode, itemCode));
  return ctx.db
    .select({
      id: disclosureEntries.id,
      itemCode: disclosureEntries.itemCode,
      period: disclosureEntries.period,
      state: disclosureEntries.state,
      title: disclosureVersions.title,
      publishedAt: disclosureEntries.publishedAt,
      withdrawnAt: disclosureEntries.withdrawnAt,
      hasPublishedVersion: disclosureEntries.publishedVersionId,
      updatedAt: disclosureEntries.updatedAt,
    })
    .from(disclosureEntries)
    .innerJoin(disclosureVersions, eq(disclosureVersions.id, disclosureEntries.currentVersionId))
    .where(and(...where))
    .orderBy(asc(disclosureEntries.itemCode), desc(disclosureEntries.updatedAt))
    .then((rows) =>
      rows.map(({ hasPublishedVersion, ...r }) => ({
        ...r,
        hasPublishedVersion: hasPublishedVersion !== null,
      })),
    );
}
