import { complaintEvents, complaints } from "@ita/db/schema";
import {
  ComplainantMessageInput,
  complaintIsOpen,
  type ComplaintState,
} from "@ita/domain/complaints";
import { DomainError } from "@ita/domain/errors";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Context } from "../context.ts";
import { complaintByReceipt } from "./by-receipt.ts";
import { openComplaintBox } from "./crypto.ts";
import { eventField } from "./timeline.ts";

/** The complainant answers or adds information, with the receipt code as the only key. */
export async function replyAsComplainant({
  ctx,
  input,
}: {
  ctx: Pick<Context, "db" | "now" | "request">;
  input: z.input<typeof ComplainantMessageInput>;
}): Promise<void> {
  const row = await complaintByReceipt(ctx, input.code, ctx.request.ip);
  const { body } = ComplainantMessageInput.parse(input);
  if (!complaintIsOpen(row.state as ComplaintState))
    throw new DomainError("INVALID_TRANSITION", "complaint is closed");
  const box = openComplaintBox(row.id, row);
  const id = crypto.randomUUID();
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(complaintEvents).values({
      id,
      complaintId: row.id,
      at: now,
      kind: "message",
      author: "complainant",
      body: box.sealJson(eventField(id), body),
    });
    await tx.update(complaints).set({ updatedAt: now }).where(eq(complaints.id, row.id));
  });
}
