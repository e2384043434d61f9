import { complaintDrafts, complaints } from "@ita/db/schema";
import { and, eq, gt, isNull, ne } from "drizzle-orm";
import type { Context } from "../context.ts";
import { currentKekId, rewrapDataKey } from "./crypto.ts";

/**
 * Key rotation, step 2 (ADR 0012): re-wraps every complaint's data key under the
 * keyring's current KEK. Only the 60-byte wrapped keys change; content stays as it is.
 * Safe to repeat and to interrupt. Returns how many keys were re-wrapped. Purged cases
 * (retention) have no key left and are skipped. Drafts of
 * filing forms (evidence waiting for the form to be sent) are re-wrapped too.
 */
export async function rewrapComplaintKeys({ ctx }: { ctx: Pick<Context, "db"> }): Promise<number> {
  const current = currentKekId();
  let done = 0;
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const batch = await ctx.db
      .select({ id: complaints.id, kekId: complaints.kekId, wrappedKey: complaints.wrappedKey })
      .from(complaints)
      // A purged case has no data key left to re-wrap (its content is gone for good).
      .where(
        and(ne(complaints.kekId, current), gt(complaints.id, after), isNull(complaints.purgedAt)),
      )
      .orderBy(complaints.id)
      .limit(500);
    if (batch.length === 0) return done + (await rewrapDraftKeys(ctx, current));
    for (const row of batch) {
      const next = rewrapDataKey(row.id, row);
      if (!next) continue;
      // Only if still wrapped as read: a concurrent run cannot write an older wrapping.
      await ctx.db
        .update(complaints)
        .set(next)
        .where(and(eq(complaints.id, row.id), eq(complaints.kekId, row.kekId)));
      done++;
    }
    after = batch.at(-1)!.id;
  }
}

async function rewrapDraftKeys(ctx: Pick<Context, "db">, current: string): Promise<number> {
  const drafts = await ctx.db
    .select({
      id: complaintDrafts.id,
      kekId: complaintDrafts.kekId,
      wrappedKey: complaintDrafts.wrappedKey,
    })
    .from(complaintDrafts)
    .where(ne(complaintDrafts.kekId, current));
  let done = 0;
  for (const row of drafts) {
    const next = rewrapDataKey(row.id, row);
    if (!next) continue;
    await ctx.db
      .update(complaintDrafts)
      .set(next)
      .where(and(eq(complaintDrafts.id, row.id), eq(complaintDrafts.kekId, row.kekId)));
    done++;
  }
  return done;
}
