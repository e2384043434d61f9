import type { Executor } from "@ita/db";
import { complaintCounters } from "@ita/db/schema";
import { formatComplaintReference } from "@ita/domain/complaints";
import { sql } from "drizzle-orm";

/**
 * The next reference number of an agency's fiscal year ("2568/0007"), from a counter row
 * taken with an upsert inside the caller's transaction: a rolled-back filing or forward
 * leaves no gap.
 */
export async function takeComplaintReference(
  tx: Executor,
  agencyId: string,
  fiscalYear: number,
): Promise<string> {
  const [counter] = await tx
    .insert(complaintCounters)
    .values({ agencyId, fiscalYear, last: 1 })
    .onConflictDoUpdate({
      target: [complaintCounters.agencyId, complaintCounters.fiscalYear],
      set: { last: sql`${complaintCounters.last} + 1` },
    })
    .returning({ last: complaintCounters.last });
  return formatComplaintReference(fiscalYear, counter!.last);
}
