import { agencies, disclosureEntries, disclosureVersions } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { currentFiscalYear } from "@ita/domain/fiscal-year";
import { ItemPageInput } from "@ita/domain/schemas";
import { and, asc, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Context } from "../context.ts";
import { earlierCriteria, type VersionedItem } from "../frameworks/entry-items.ts";
import type { FrameworkItemRow } from "../frameworks/resolve-framework.ts";
import {
  frameworkReferenceData,
  resolveFrameworkCached,
} from "../frameworks/resolve-framework-cached.ts";
import { filesOfVersions } from "./version-files.ts";
import { wasPublishedEntry } from "./visibility.ts";

export interface PublicAttachment {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

/**
 * The permalink page of one OIT item (/agencies/<slug>/<fiscal-year>/<item-code>), the
 * URL an assessor pastes into ITAS. Works for a year that inherits an earlier
 * framework. Unknown agency, a year with no framework or later than next fiscal
 * year, or an item outside the framework: NOT_FOUND.
 */
export async function getItemPage({
  ctx,
  input,
}: {
  ctx: Pick<Context, "db" | "now">;
  input: z.input<typeof ItemPageInput>;
}) {
  const { slug, fiscalYear, itemCode } = ItemPageInput.parse(input);
  const now = ctx.now();
  const [agency] = await ctx.db
    .select({
      id: agencies.id,
      slug: agencies.slug,
      nameTh: agencies.nameTh,
      nameEn: agencies.nameEn,
      type: agencies.type,
    })
    .from(agencies)
    .where(eq(agencies.slug, slug));
  if (!agency) throw new DomainError("NOT_FOUND", `agency ${slug}`);
  if (fiscalYear > currentFiscalYear(now) + 1)
    throw new DomainError("NOT_FOUND", `fiscal year ${fiscalYear}`);
  const resolved = await resolveFrameworkCached(ctx.db, fiscalYear, agency.type);
  if (!resolved) throw new DomainError("NOT_FOUND", `item ${itemCode} in ${fiscalYear}`);
  const { ownItem } = await frameworkReferenceData(ctx.db);

  const rows = await ctx.db
    .select({
      id: disclosureEntries.id,
      frameworkId: disclosureEntries.frameworkId,
      versionId: disclosureEntries.publishedVersionId,
      publishedAt: disclosureEntries.publishedAt,
      withdrawnAt: disclosureEntries.withdrawnAt,
      withdrawnReason: disclosureEntries.withdrawnReason,
      title: disclosureVersions.title,
      descriptionHtml: disclosureVersions.descriptionHtml,
      links: disclosureVersions.links,
      versionNo: disclosureVersions.versionNo,
      versionCreatedAt: disclosureVersions.createdAt,
    })
    .from(disclosureEntries)
    .innerJoin(disclosureVersions, eq(disclosureVersions.id, disclosureEntries.publishedVersionId))
    .where(
      and(
        eq(disclosureEntries.agencyId, agency.id),
        eq(disclosureEntries.fiscalYear, fiscalYear),
        eq(disclosureEntries.itemCode, itemCode),
        wasPublishedEntry(now),
      ),
    )
    .orderBy(desc(disclosureEntries.publishedAt), asc(disclosureEntries.id));

  // The item as the governing version defines it; an item a later version dropped or
  // renamed is shown as the newest version that entries were published under named it, so
  // a permalink handed to the assessors keeps working (ADR 0022).
  let item: FrameworkItemRow | undefined = resolved.items.find((i) => i.code === itemCode);
  let earlierVersion: number | null = null;
  if (!item) {
    const earlier = rows
      .map((r) => ownItem(r.frameworkId, itemCode))
      .filter((i): i is VersionedItem => i !== null)
      .sort((a, b) => b.version - a.version)[0];
    if (!earlier) throw new DomainError("NOT_FOUND", `item ${itemCode} in ${fiscalYear}`);
    item = earlier;
    earlierVersion = earlier.version;
  }
  const heading = item;

  // Files of withdrawn entries are no longer served, so they are not listed either.
  const liveVersionIds = rows.filter((r) => !r.withdrawnAt).map((r) => r.versionId!);
  const files = await filesOfVersions(ctx.db, liveVersionIds);

  const entries = rows.map((r) => {
    const withdrawn = r.withdrawnAt ? { at: r.withdrawnAt, reason: r.withdrawnReason ?? "" } : null;
    return {
      id: r.id,
      title: r.title,
      /** The criteria's version and its title for the item, when the entry was published under another wording. */
      criteria: earlierCriteria(ownItem(r.frameworkId, itemCode), heading),
      publishedAt: r.publishedAt!,
      // Last edit of the public content; differs from publishedAt after a revision.
      updatedAt: r.versionNo > 1 ? r.versionCreatedAt : null,
      withdrawn,
      descriptionHtml: withdrawn ? "" : r.descriptionHtml,
      links: withdrawn ? [] : r.links,
      attachments: withdrawn
        ? []
        : files
            .filter((f) => f.versionId === r.versionId)
            .map(({ id, fileName, contentType, sizeBytes }): PublicAttachment => ({
              id,
              fileName,
              contentType,
              sizeBytes,
            })),
    };
  });

  return {
    agency: { slug: agency.slug, nameTh: agency.nameTh, nameEn: agency.nameEn },
    fiscalYear,
    framework: {
      key: resolved.framework.key,
      fiscalYear: resolved.framework.fiscalYear,
      titleTh: resolved.framework.titleTh,
      titleEn: resolved.framework.titleEn,
      inherited: resolved.inherited,
    },
    item: {
      code: item.code,
      titleTh: item.titleTh,
      titleEn: item.titleEn,
      /** What the criteria ask the agency to show; may be empty. */
      guidanceTh: item.guidanceTh,
      guidanceEn: item.guidanceEn,
      categories: item.categories,
      tag: item.tag,
      /** Set when the governing criteria no longer have the item: the version it comes from. */
      earlierVersion,
    },
    entries,
    publishedCount: entries.filter((e) => !e.withdrawn).length,
  };
}

export type ItemPage = Awaited<ReturnType<typeof getItemPage>>;
