import { agencies, attachments, disclosureEntries } from "@ita/db/schema";
import type { FileStore } from "@ita/db/files";
import { isoDateIn } from "@ita/domain/fiscal-year";
import { itemByTag } from "@ita/domain/frameworks";
import { measuresEntryTitle, measuresFileName } from "@ita/domain/measures";
import { CreateMeasuresDraftInput } from "@ita/domain/schemas";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { fieldError } from "../authz/field-error.ts";
import type { AgencyContext } from "../authz/procedures.ts";
import { insertDraft } from "../entries/create-entry.ts";
import { contentFromInput } from "../entries/version-content.ts";
import { isApprovedVersion, lockEntry, startNewVersion } from "../entries/workflow.ts";
import { resolveFramework } from "../frameworks/resolve-framework.ts";
import { insertAttachment, queueTextReading } from "../uploads/add-attachment.ts";
import { inspectFile } from "../uploads/inspect-file.ts";
import { requireMeasureEditor } from "./access.ts";
import { latestItemEntry, loadMeasures } from "./get-measures-year.ts";
import { buildMeasuresPdf } from "./measures-pdf.ts";

const TAG_OF_PART = { measures: "measures", implementation: "measures-implementation" } as const;

/**
 * Makes the year's measures document (or its implementation report) as a PDF and puts
 * it in a draft of the year's item tagged for it (ADR 0029): a new draft entry, or a new
 * draft version of the item's latest entry, where the regenerated file replaces the one
 * made before under the same name. From there it is an ordinary entry: the author
 * submits it and an approver — never the author — publishes it.
 */
export async function createMeasuresDraft({
  ctx,
  input,
  files,
}: {
  ctx: AgencyContext;
  input: z.input<typeof CreateMeasuresDraftInput>;
  files: FileStore;
}) {
  requireMeasureEditor(ctx);
  const { fiscalYear, part } = CreateMeasuresDraftInput.parse(input);
  const resolved = await resolveFramework(ctx.db, fiscalYear, ctx.agency.type);
  const item = resolved ? itemByTag(resolved.items, TAG_OF_PART[part]) : undefined;
  if (!item)
    throw fieldError(
      "part",
      `เกณฑ์การประเมินปี ${fiscalYear} ของหน่วยงานนี้ไม่มีข้อสำหรับเอกสารนี้`,
      `The ${fiscalYear} framework of this agency has no item for this document.`,
    );
  const measures = await loadMeasures(ctx.db, ctx.agency.id, fiscalYear);
  if (measures.length === 0)
    throw fieldError(
      "part",
      "ยังไม่มีประเด็นและมาตรการของปีนี้ กรุณาบันทึกอย่างน้อย 1 รายการก่อน",
      "No weak points and measures for this year yet: record at least one first.",
    );
  const [agency] = await ctx.db
    .select({ nameTh: agencies.nameTh })
    .from(agencies)
    .where(eq(agencies.id, ctx.agency.id));
  const fileName = measuresFileName(part, fiscalYear);
  const bytes = await buildMeasuresPdf({
    agencyName: agency!.nameTh,
    fiscalYear,
    part,
    measures,
    madeOn: isoDateIn(ctx.now()),
  });
  const inspected = await inspectFile(fileName, bytes);
  const stored = await files.put(bytes);

  const result = await ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const latest = await latestItemEntry(tx, {
      agencyId: ctx.agency.id,
      fiscalYear,
      itemCode: item.code,
    });
    let entryId: string;
    let versionId: string;
    let created = false;
    if (!latest) {
      entryId = await insertDraft(tx, ctx, {
        fiscalYear,
        itemCode: item.code,
        period: null,
        content: contentFromInput({ title: measuresEntryTitle(part, fiscalYear) }),
        event: "created",
      });
      const [entry] = await tx
        .select({ versionId: disclosureEntries.currentVersionId })
        .from(disclosureEntries)
        .where(eq(disclosureEntries.id, entryId));
      versionId = entry!.versionId!;
      created = true;
    } else {
      const entry = await lockEntry(tx, latest.id);
      if (entry.state === "submitted")
        throw fieldError(
          "part",
          "รายการของข้อนี้รอการอนุมัติอยู่ ถอนกลับไปแก้ไขก่อนจึงจะจัดทำเอกสารใหม่ได้",
          "This item's entry waits for approval: withdraw it to draft before making the document again.",
        );
      entryId = entry.id;
      versionId =
        entry.state === "published" ||
        entry.state === "withdrawn" ||
        isApprovedVersion(entry, entry.currentVersionId)
          ? await startNewVersion(tx, entry, ctx.user.id, now)
          : entry.currentVersionId!;
      // The draft version was never public: the document made before is replaced.
      await tx
        .delete(attachments)
        .where(and(eq(attachments.versionId, versionId), eq(attachments.fileName, fileName)));
      await tx
        .update(disclosureEntries)
        .set({ updatedAt: now })
        .where(eq(disclosureEntries.id, entryId));
    }
    const attachment = await insertAttachment(tx, ctx, entryId, versionId, inspected, stored, now);
    return { entryId, itemCode: item.code, created, attachment };
  });
  await queueTextReading(inspected, result.attachment.id);
  return { entryId: result.entryId, itemCode: result.itemCode, created: result.created };
}
