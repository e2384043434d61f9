import type { Database } from "@ita/db";
import { refreshSearchDocument } from "@ita/db/search";
import { disclosureEntries } from "@ita/db/schema";
import { and, asc, eq, isNotNull, lte } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.ts";
import { lockEntry, recordEntryEvent } from "./workflow.ts";

/**
 * Makes every approved revision whose `publishAt` has come the public version, one
 * entry per transaction, with its search row. Until then the public keeps seeing the
 * earlier version (docs/adr, "Published content safeguards"). The job queue's
 * `publish-due` task runs it every minute, and the server queues it once at start; safe
 * to run twice at once (each entry is re-read under its row lock).
 */
export async function publishDueVersions({
  db,
  now,
}: {
  db: Database;
  now: Date;
}): Promise<number> {
  const due = await db
    .select({ id: disclosureEntries.id })
    .from(disclosureEntries)
    .where(
      and(isNotNull(disclosureEntries.scheduledVersionId), lte(disclosureEntries.publishAt, now)),
    )
    .orderBy(asc(disclosureEntries.publishAt));
  let published = 0;
  for (const { id } of due) {
    published += await db.transaction(async (tx) => {
      const entry = await lockEntry(tx, id);
      const at = entry.publishAt;
      if (!entry.scheduledVersionId || !at || at > now) return 0;
      // A withdrawn entry becomes public again at the scheduled moment; a public one
      // keeps the date it first became public.
      const publishedAt = entry.withdrawnAt || !entry.publishedAt ? at : entry.publishedAt;
      await tx
        .update(disclosureEntries)
        .set({
          publishedVersionId: entry.scheduledVersionId,
          scheduledVersionId: null,
          publishAt: null,
          publishedAt,
          withdrawnAt: null,
          withdrawnReason: null,
          updatedAt: now,
        })
        .where(eq(disclosureEntries.id, id));
      await recordEntryEvent(tx, {
        entryId: id,
        versionId: entry.scheduledVersionId,
        action: "scheduled_published",
        actorId: null,
        at,
      });
      await refreshSearchDocument(tx, id);
      await recordAudit(tx, {
        action: "entry.publish_scheduled",
        targetType: "entry",
        targetId: id,
        agencyId: entry.agencyId,
        before: { publishedVersionId: entry.publishedVersionId, withdrawnAt: entry.withdrawnAt },
        after: { publishedVersionId: entry.scheduledVersionId, publishedAt },
      });
      return 1;
    });
  }
  return published;
}
