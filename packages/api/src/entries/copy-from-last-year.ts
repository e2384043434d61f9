import { attachments, disclosureEntries, disclosureVersions } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { shiftFiscalYearText } from "@ita/domain/frameworks";
import { CopyFromLastYearInput, ItemRefInput } from "@ita/domain/schemas";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { AgencyContext } from "../authz/procedures.ts";
import { isPublicEntry } from "../public/visibility.ts";
import { entryPeriod, insertDraft, requireFrameworkItem } from "./create-entry.ts";
import { descriptionForEditing } from "./sanitize.ts";
import { contentFromInput } from "./version-content.ts";

/** Last year's public entries of the item (their public version), oldest month first. */
async function lastYearSources(ctx: AgencyContext, fiscalYear: number, itemCode: string) {
  return ctx.db
    .select({
      entryId: disclosureEntries.id,
      period: disclosureEntries.period,
      publishedAt: disclosureEntries.publishedAt,
      versionId: disclosureVersions.id,
      title: disclosureVersions.title,
      descriptionHtml: disclosureVersions.descriptionHtml,
      descriptionSource: disclosureVersions.descriptionSource,
      links: disclosureVersions.links,
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
    .orderBy(desc(disclosureEntries.publishedAt), desc(disclosureEntries.id));
}

async function filesOf(ctx: AgencyContext, versionIds: string[]) {
  if (versionIds.length === 0) return [];
  return ctx.db
    .select()
    .from(attachments)
    .where(inArray(attachments.versionId, versionIds))
    .orderBy(asc(attachments.createdAt));
}

/**
 * What the clerk picks from when copying: last year's public entries of the item, each
 * with the month it reported (the copy reports the same month of this year) and its files.
 */
export async function listLastYearEntries({
  ctx,
  input,
}: {
  ctx: AgencyContext;
  input: z.input<typeof ItemRefInput>;
}) {
  const { fiscalYear, itemCode } = ItemRefInput.parse(input);
  const item = await requireFrameworkItem(ctx.db, ctx.agency, fiscalYear, itemCode);
  const sources = await lastYearSources(ctx, fiscalYear, itemCode);
  const files = await filesOf(
    ctx,
    sources.map((s) => s.versionId),
  );
  return sources.map((s) => ({
    entryId: s.entryId,
    title: s.title,
    /** The title the copy gets. */
    newTitle: shiftFiscalYearText(s.title, fiscalYear),
    period: s.period ?? entryPeriod(item, fiscalYear - 1, null, s.title),
    publishedAt: s.publishedAt,
    files: files
      .filter((f) => f.versionId === s.versionId)
      .map((f) => ({ id: f.id, fileName: f.fileName, sizeBytes: f.sizeBytes })),
  }));
}

/**
 * Starts this year's entries from last year's public ones — what was approved, never a
 * draft nobody reviewed or a withdrawn text — as drafts: title, description (in the
 * editor's own format) and links with last year's years moved on by one fiscal year,
 * the same month of this year for a monthly item, and the files the clerk chose to use
 * again (new rows pointing at the same stored blob: the store is content-addressed and
 * never changes a file). Each copy says it was copied, so the editor asks for a check.
 */
export async function copyEntryFromLastYear({
  ctx,
  input,
}: {
  ctx: AgencyContext;
  input: z.input<typeof CopyFromLastYearInput>;
}) {
  const { fiscalYear, itemCode, sources: chosen } = CopyFromLastYearInput.parse(input);
  const item = await requireFrameworkItem(ctx.db, ctx.agency, fiscalYear, itemCode);
  const all = await lastYearSources(ctx, fiscalYear, itemCode);
  if (all.length === 0)
    throw new DomainError("NOT_FOUND", `no ${itemCode} entry in ${fiscalYear - 1}`);
  // Scope from the stored rows: only this agency's public entries of the item last year.
  const byId = new Map(all.map((s) => [s.entryId, s]));
  const picks = chosen
    ? chosen.map((c) => {
        const source = byId.get(c.entryId);
        if (!source)
          throw new DomainError(
            "NOT_FOUND",
            `entry ${c.entryId} is not a ${fiscalYear - 1} source`,
          );
        return { source, attachmentIds: new Set(c.attachmentIds) };
      })
    : [{ source: all[0]!, attachmentIds: new Set<string>() }];
  const files = await filesOf(
    ctx,
    picks.map((p) => p.source.versionId),
  );
  for (const p of picks)
    for (const id of p.attachmentIds)
      if (!files.some((f) => f.id === id && f.versionId === p.source.versionId))
        throw new DomainError("NOT_FOUND", `attachment ${id} is not a file of the copied entry`);

  const ids = await ctx.db.transaction(async (tx) => {
    const created: string[] = [];
    for (const { source, attachmentIds } of picks) {
      const shift = (text: string) => shiftFiscalYearText(text, fiscalYear);
      const content = contentFromInput({
        title: shift(source.title),
        description: shift(descriptionForEditing(source)),
        links: source.links.map((l) => ({ ...l })),
      });
      const id = await insertDraft(tx, ctx, {
        fiscalYear,
        itemCode,
        period: source.period ?? entryPeriod(item, fiscalYear - 1, null, source.title),
        content,
        event: "copied",
        // The history line reads "คัดลอกจากปีก่อน: “<last year's title>”".
        comment: source.title,
      });
      const reused = files.filter(
        (f) => f.versionId === source.versionId && attachmentIds.has(f.id),
      );
      if (reused.length > 0) {
        const [entry] = await tx
          .select({ versionId: disclosureEntries.currentVersionId })
          .from(disclosureEntries)
          .where(eq(disclosureEntries.id, id));
        const now = ctx.now();
        await tx.insert(attachments).values(
          reused.map(({ id: _id, createdAt: _c, uploadedBy: _u, ...f }) => ({
            ...f,
            entryId: id,
            versionId: entry!.versionId!,
            uploadedBy: ctx.user.id,
            createdAt: now,
          })),
        );
      }
      created.push(id);
    }
    return created;
  });
  return { id: ids[0]!, ids, copiedFrom: picks[0]!.source.entryId };
}
