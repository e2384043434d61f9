import { agencies, disclosureEntries, disclosureVersions } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { selectFramework } from "@ita/domain/frameworks";
import { OpenDisclosuresInput } from "@ita/domain/schemas";
import { and, asc, desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Context } from "../context.ts";
import { frameworkReferenceData } from "../frameworks/resolve-framework-cached.ts";
import type { PublicAttachment } from "./get-item-page.ts";
import { filesOfVersions } from "./version-files.ts";
import { isPublicEntry } from "./visibility.ts";

/**
 * One row per public entry of an agency (one fiscal year or all), with the item's
 * categories under the framework governing that year, its links and files (open data).
 */
export async function listAgencyDisclosures({
  ctx,
  input,
}: {
  ctx: Pick<Context, "db" | "now">;
  input: z.input<typeof OpenDisclosuresInput>;
}) {
  const { slug, fiscalYear } = OpenDisclosuresInput.parse(input);
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

  const rows = await ctx.db
    .select({
      id: disclosureEntries.id,
      frameworkId: disclosureEntries.frameworkId,
      versionId: disclosureEntries.publishedVersionId,
      fiscalYear: disclosureEntries.fiscalYear,
      itemCode: disclosureEntries.itemCode,
      title: disclosureVersions.title,
      links: disclosureVersions.links,
      publishedAt: disclosureEntries.publishedAt,
    })
    .from(disclosureEntries)
    .innerJoin(disclosureVersions, eq(disclosureVersions.id, disclosureEntries.publishedVersionId))
    .where(
      and(
        eq(disclosureEntries.agencyId, agency.id),
        isPublicEntry(ctx.now()),
        fiscalYear ? eq(disclosureEntries.fiscalYear, fiscalYear) : undefined,
      ),
    )
    .orderBy(
      desc(disclosureEntries.fiscalYear),
      asc(disclosureEntries.itemCode),
      desc(disclosureEntries.publishedAt),
      asc(disclosureEntries.id),
    );

  const versionIds = rows.map((r) => r.versionId!);
  const files = await filesOfVersions(ctx.db, versionIds);

  // Categories of each item under the framework version the entry was made under (ADR
  // 0022); under the framework governing its year for entries without one.
  const { all: allFrameworks, itemsOf, ownItem } = await frameworkReferenceData(ctx.db);
  const frameworkOfYear = new Map<number, string | null>();
  for (const fy of new Set(rows.map((r) => r.fiscalYear))) {
    frameworkOfYear.set(fy, selectFramework(allFrameworks, fy, agency.type)?.framework.id ?? null);
  }
  const categoriesOf = (fy: number, code: string) => {
    const frameworkId = frameworkOfYear.get(fy);
    return (
      (frameworkId ? itemsOf.get(frameworkId) : undefined)?.find((i) => i.code === code)
        ?.categories ?? []
    );
  };

  return {
    agency: { slug: agency.slug, nameTh: agency.nameTh, nameEn: agency.nameEn },
    fiscalYear: fiscalYear ?? null,
    entries: rows.map((r) => ({
      id: r.id,
      fiscalYear: r.fiscalYear,
      itemCode: r.itemCode,
      categories:
        ownItem(r.frameworkId, r.itemCode)?.categories ?? categoriesOf(r.fiscalYear, r.itemCode),
      title: r.title,
      publishedAt: r.publishedAt!,
      links: r.links,
      attachments: files
        .filter((f) => f.versionId === r.versionId)
        .map(({ id, fileName, contentType, sizeBytes }): PublicAttachment => ({
          id,
          fileName,
          contentType,
          sizeBytes,
        })),
    })),
  };
}

export type AgencyDisclosureRows = Awaited<ReturnType<typeof listAgencyDisclosures>>;
