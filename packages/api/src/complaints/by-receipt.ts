import { complaints } from "@ita/db/schema";
import { COMPLAINT_MESSAGES, normalizeReceiptCode } from "@ita/domain/complaints";
import { eq } from "drizzle-orm";
import { setTimeout as sleep } from "node:timers/promises";
import { fieldError } from "../authz/field-error.ts";
import type { Context } from "../context.ts";
import { takeComplaintRate } from "./client-throttle.ts";
import { receiptCodeHash } from "./crypto.ts";

/**
 * Every answer to a receipt code takes at least this long, found or not, well-formed
 * or not, so response times tell nothing about which codes exist.
 */
const MIN_ANSWER_MS = 400;

export type ComplaintRow = typeof complaints.$inferSelect;

/**
 * The complaint a receipt code opens, for the complainant's own pages. Wrong and
 * malformed codes get one generic answer in constant time and count towards the
 * client's limit; `client` is the address, used only in memory (client-throttle.ts).
 */
export async function complaintByReceipt(
  ctx: Pick<Context, "db" | "now">,
  rawCode: unknown,
  client: string | null,
): Promise<ComplaintRow> {
  const started = performance.now();
  const giveBack = takeComplaintRate("track", client, ctx.now());
  const code = typeof rawCode === "string" ? normalizeReceiptCode(rawCode) : null;
  // A malformed code is hashed too (as a fixed dummy) so it costs the same time.
  const hash = await receiptCodeHash(code ?? "0000-0000-0000-0000-0000");
  const [row] = code
    ? await ctx.db.select().from(complaints).where(eq(complaints.receiptHash, hash))
    : [];
  const wait = MIN_ANSWER_MS - (performance.now() - started);
  if (wait > 0) await sleep(wait);
  if (!row)
    throw fieldError("code", COMPLAINT_MESSAGES.codeUnknown.th, COMPLAINT_MESSAGES.codeUnknown.en);
  giveBack();
  return row;
}
