import type { Executor } from "@ita/db";
import { complaints } from "@ita/db/schema";
import { eq } from "drizzle-orm";
import type { ComplaintRow } from "./by-receipt.ts";

/** A case forwarded on and on still ends somewhere: a bound against a corrupt loop. */
const MAX_FORWARDS = 20;

/**
 * The cases a complaint has gone through, from the one the receipt code opens (the one
 * filed) to the one that handles it now: each forward to another agency adds the new
 * case, linked by `forwardedFromId` (ADR 0027). The complainant's messages and a
 * withdrawal go to the last one.
 */
export async function forwardChain(db: Executor, filed: ComplaintRow): Promise<ComplaintRow[]> {
  const chain = [filed];
  while (chain.length <= MAX_FORWARDS) {
    const [next] = await db
      .select()
      .from(complaints)
      .where(eq(complaints.forwardedFromId, chain.at(-1)!.id));
    if (!next) break;
    chain.push(next);
  }
  return chain;
}

/** The case that handles the complaint now (the filed one unless it was forwarded). */
export async function currentCase(db: Executor, filed: ComplaintRow): Promise<ComplaintRow> {
  return (await forwardChain(db, filed)).at(-1)!;
}
