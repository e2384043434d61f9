import { agencies, disclosureEntries, disclosureVersions } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { currentFiscalYear } from "@ita/domain/fiscal-year";
import { ItemPageInput } from "@ita/domain/schemas";
import { and, asc, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Context } from "../context.ts";
import { resolveFrameworkCached } from "../frameworks/resolve-framework-cached.ts";
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
  const item = resolved?.items.find((i) => i.code === itemCode);
  if (!resolved || !item) throw new DomainError("NOT_FOUND", `item ${itemCode} in ${fiscalYear}`);

  const rows = await ctx.db
    .select({
      id: disclosureEntries.id,
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

  // Files of withdrawn entries are no longer served, so they are not listed either.
  const liveVersionIds = rows.filter((r) => !r.withdrawnAt).map((r) => r.versionId!);
  const files = await filesOfVersions(ctx.db, liveVersionIds);

  const entries = rows.map((r) => {
    const withdrawn = r.withdrawnAt ? { at: r.withdrawnAt, reason: r.withdrawnReason ?? "" } : null;
    return {
      id: r.id,
      title: r.title,
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
    },
    entries,
    publishedCount: entries.filter((e) => !e.withdrawn).length,
  };
}

export type ItemPage = Awaited<ReturnType<typeof getItemPage>>;
