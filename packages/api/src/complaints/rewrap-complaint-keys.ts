import { complaints } from "@ita/db/schema";
import { and, eq, gt, ne } from "drizzle-orm";
import type { Context } from "../context.ts";
import { currentKekId, rewrapDataKey } from "./crypto.ts";

/**
 * Key rotation, step 2 (ADR 0012): re-wraps every complaint's data key under the
 * keyring's current KEK. Only the 60-byte wrapped keys change; content stays as it is.
 * Safe to repeat and to interrupt. Returns how many keys were re-wrapped.
 */
export async function rewrapComplaintKeys({ ctx }: { ctx: Pick<Context, "db"> }): Promise<number> {
  const current = currentKekId();
  let done = 0;
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const batch = await ctx.db
      .select({ id: complaints.id, kekId: complaints.kekId, wrappedKey: complaints.wrappedKey })
      .from(complaints)
      .where(and(ne(complaints.kekId, current), gt(complaints.id, after)))
      .orderBy(complaints.id)
      .limit(500);
    if (batch.length === 0) return done;
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
