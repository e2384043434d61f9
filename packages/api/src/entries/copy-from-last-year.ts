import { disclosureEntries, disclosureVersions } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { ItemRefInput } from "@ita/domain/schemas";
import { and, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { AgencyContext } from "../authz/procedures.ts";
import { isPublicEntry } from "../public/visibility.ts";
import { entryPeriod, insertDraft, requireFrameworkItem } from "./create-entry.ts";
import { versionContent, versionContentColumns } from "./version-content.ts";

/**
 * Starts this year's entry from last year's most recently published one — what was
 * approved and is public, never a draft nobody reviewed or a withdrawn text:
 * title, description and links are copied, the year in the title moved on by one.
 * Files are not copied: they are last year's documents.
 */
export async function copyEntryFromLastYear({
  ctx,
  input,
}: {
  ctx: AgencyContext;
  input: z.input<typeof ItemRefInput>;
}) {
  const { fiscalYear, itemCode } = ItemRefInput.parse(input);
  const item = await requireFrameworkItem(ctx.db, ctx.agency, fiscalYear, itemCode);
  const [source] = await ctx.db
    .select({
      entryId: disclosureEntries.id,
      period: disclosureEntries.period,
      ...versionContentColumns,
    })
    .from(disclosureEntries)
    .innerJoin(disclosureVersions, eq(disclosureVersions.id, disclosureEntries.publishedVersionId))
    .where(
      and(
        eq(disclosureEntries.agencyId, ctx.agency.id),
        eq(disclosureEntries.fiscalYear, fiscalYear - 1),
        eq(disclosureEntries.itemCode, itemCode),
        isPublicEntry(ctx.now()),
      ),
    )
    .orderBy(desc(disclosureEntries.publishedAt), desc(disclosureEntries.id))
    .limit(1);
  if (!source) throw new DomainError("NOT_FOUND", `no ${itemCode} entry in ${fiscalYear - 1}`);
  const bump = (text: string) => text.replaceAll(String(fiscalYear - 1), String(fiscalYear));
  const copied = versionContent(source);
  const id = await ctx.db.transaction((tx) =>
    insertDraft(tx, ctx, {
      fiscalYear,
      itemCode,
      // The same month of the next fiscal year.
      period: source.period ?? entryPeriod(item, fiscalYear - 1, null, source.title),
      content: {
        ...copied,
        title: bump(copied.title),
        descriptionHtml: bump(copied.descriptionHtml),
        descriptionSource:
          copied.descriptionSource === null ? null : bump(copied.descriptionSource),
      },
      event: "copied",
      comment: `คัดลอกจากปีงบประมาณ ${fiscalYear - 1}`,
    }),
  );
  return { id, copiedFrom: source.entryId };
}
