import type { FileStore } from "@ita/db/files";
import { complaintEvents, complaintFiles, complaints } from "@ita/db/schema";
import { ComplainantMessageInput, complaintIsOpen } from "@ita/domain/complaints";
import { DomainError } from "@ita/domain/errors";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Context } from "../context.ts";
import { complaintByReceipt } from "./by-receipt.ts";
import { openComplaintBox } from "./crypto.ts";
import { currentCase } from "./forward-chain.ts";
import {
  complaintFileStore,
  inspectIncoming,
  storeSealed,
  unstore,
  type IncomingFile,
} from "./evidence-files.ts";
import { eventField } from "./timeline.ts";

/**
 * The complainant answers or adds information, with the receipt code as the only key,
 * optionally with evidence files (the filing form's rules, at most five a message). A
 * refused file adds neither the message nor any file.
 */
export async function replyAsComplainant({
  ctx,
  input,
  files: store = complaintFileStore(),
}: {
  ctx: Pick<Context, "db" | "now" | "request">;
  input: z.input<typeof ComplainantMessageInput> & { files?: readonly IncomingFile[] };
  files?: FileStore;
}): Promise<void> {
  // A forwarded complaint is answered where it is handled now (ADR 0027).
  const row = await currentCase(ctx.db, await complaintByReceipt(ctx, input.code, ctx.request.ip));
  const { body } = ComplainantMessageInput.parse(input);
  if (!complaintIsOpen(row.state))
    throw new DomainError("INVALID_TRANSITION", "complaint is closed");
  const clean = await inspectIncoming(input.files ?? []);
  const box = openComplaintBox(row.id, row);
  const id = crypto.randomUUID();
  const now = ctx.now();
  const sealed = await storeSealed(box, clean, store);
  try {
    await ctx.db.transaction(async (tx) => {
      await tx.insert(complaintEvents).values({
        id,
        complaintId: row.id,
        at: now,
        kind: "message",
        author: "complainant",
        body: box.sealJson(eventField(id), body),
      });
      if (sealed.length > 0)
        await tx.insert(complaintFiles).values(
          sealed.map((f) => ({
            id: f.id,
            complaintId: row.id,
            eventId: id,
            storageKey: f.storageKey,
            meta: f.meta,
            createdAt: now,
          })),
        );
      await tx.update(complaints).set({ updatedAt: now }).where(eq(complaints.id, row.id));
    });
  } catch (error) {
    await unstore(sealed, store);
    throw error;
  }
}
