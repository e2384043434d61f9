import { disclosureEntries, disclosureVersions } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { SaveEntryInput } from "@ita/domain/schemas";
import { eq } from "drizzle-orm";
import { entryPeriod, requireFrameworkItem } from "./create-entry.ts";
import type { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import type { EntryContext } from "../authz/procedures.ts";
import { contentFromInput } from "./version-content.ts";
import { isApprovedVersion, lockEntry, recordEntryEvent, startNewVersion } from "./workflow.ts";

/**
 * Saves the entry's content. A draft or returned version is edited in place; a
 * published or withdrawn entry gets a new version (the public keeps seeing the
 * approved one); while an entry waits for approval it cannot change.
 */
export async function saveEntry({
  ctx,
  input,
}: {
  ctx: EntryContext;
  input: z.input<typeof SaveEntryInput>;
}) {
  const parsed = SaveEntryInput.parse(input);
  if (!ctx.agency.roles.has("editor") || ctx.agency.readOnly)
    throw new DomainError("FORBIDDEN", "editors only");
  const item = await requireFrameworkItem(
    ctx.db,
    ctx.agency,
    ctx.entry.fiscalYear,
    ctx.entry.itemCode,
  );
  // Kept as it was when the form does not send it; read from the title if never set.
  const period =
    parsed.period === undefined
      ? (ctx.entry.period ?? entryPeriod(item, ctx.entry.fiscalYear, null, parsed.title))
      : entryPeriod(item, ctx.entry.fiscalYear, parsed.period, parsed.title);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.now();
    const entry = await lockEntry(tx, ctx.entry.id);
    if (entry.state === "submitted")
      throw new DomainError("INVALID_TRANSITION", "entry waits for approval");
    const [before] = await tx
      .select()
      .from(disclosureVersions)
      .where(eq(disclosureVersions.id, entry.currentVersionId!));
    const versionId =
      entry.state === "published" ||
      entry.state === "withdrawn" ||
      isApprovedVersion(entry, entry.currentVersionId)
        ? await startNewVersion(tx, entry, ctx.user.id, now)
        : entry.currentVersionId!;
    const content = contentFromInput(parsed);
    await tx.update(disclosureVersions).set(content).where(eq(disclosureVersions.id, versionId));
    await tx
      .update(disclosureEntries)
      .set({ updatedAt: now, period })
      .where(eq(disclosureEntries.id, entry.id));
    await recordEntryEvent(tx, {
      entryId: entry.id,
      versionId,
      action: "saved",
      actorId: ctx.user.id,
      at: now,
    });
    await recordAudit(tx, {
      action: "entry.save",
      actor: ctx.user,
      targetType: "entry",
      targetId: entry.id,
      agencyId: entry.agencyId,
      before: before
        ? { title: before.title, versionNo: before.versionNo, period: entry.period }
        : null,
      after: { title: content.title, versionId, period },
      request: ctx.request,
    });
    return { id: entry.id, versionId, newVersion: versionId !== entry.currentVersionId };
  });
}
