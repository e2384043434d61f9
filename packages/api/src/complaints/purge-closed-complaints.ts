import type { Database } from "@ita/db";
import { complaintEvents, complaints } from "@ita/db/schema";
import { and, eq, inArray, isNull, lt } from "drizzle-orm";
import type { FileStore } from "@ita/db/files";
import { recordAudit } from "../audit/record-audit.ts";
import { purgeFilesOfPurgedComplaints } from "./purge-complaint-files.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Retention: a complaint closed more than `retentionDays` ago loses its content,
 * identity, message bodies and its wrapped data key (so even an old backup of the row
 * can no longer be opened with the KEK alone — crypto-shredding). State, outcome, dates
 * and subject stay for the statistics. Evidence files go too, rows and sealed bytes
 * (after the transaction; a crash in between is finished by the next run). Runs daily
 * on the job queue; safe to repeat.
 */
export async function purgeClosedComplaints({
  ctx,
  retentionDays,
  files,
}: {
  ctx: { db: Database; now: () => Date };
  retentionDays: number;
  files?: FileStore;
}): Promise<number> {
  const now = ctx.now();
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const purged = await ctx.db.transaction(async (tx) => {
    const purged = await tx
      .update(complaints)
      .set({
        content: null,
        identity: null,
        wrappedKey: new Uint8Array(0),
        purgedAt: now,
        updatedAt: now,
      })
      .where(
        and(
          eq(complaints.state, "closed"),
          lt(complaints.closedAt, cutoff),
          isNull(complaints.purgedAt),
        ),
      )
      .returning({ id: complaints.id, agencyId: complaints.agencyId });
    if (purged.length === 0) return 0;
    const ids = purged.map((p) => p.id);
    await tx
      .update(complaintEvents)
      .set({ body: null })
      .where(inArray(complaintEvents.complaintId, ids));
    for (const p of purged)
      await recordAudit(tx, {
        action: "complaint.purged",
        targetType: "complaint",
        targetId: p.id,
        agencyId: p.agencyId,
        after: { retentionDays },
      });
    return purged.length;
  });
  await purgeFilesOfPurgedComplaints({ ctx, files });
  return purged;
}
