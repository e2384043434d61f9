import { complaintEvents } from "@ita/db/schema";
import { RevealIdentityInput } from "@ita/domain/complaints";
import { DomainError } from "@ita/domain/errors";
import type { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import type { ComplaintCaseContext } from "./access.ts";
import { openComplaintBox } from "./crypto.ts";
import type { ComplainantIdentity } from "./file-complaint.ts";

/**
 * Shows a named complainant's identity to an officer of the agency, once, for a stated
 * reason. The reveal is written to the audit log (who, when, why) and to the case's
 * internal timeline before the identity is returned — never the other way round.
 */
export async function revealIdentity({
  ctx,
  input,
}: {
  ctx: ComplaintCaseContext;
  input: z.input<typeof RevealIdentityInput>;
}): Promise<ComplainantIdentity> {
  const { reason } = RevealIdentityInput.parse(input);
  const c = ctx.complaint;
  if (!c.identity) throw new DomainError("NOT_FOUND", "anonymous complaint or purged identity");
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(complaintEvents).values({
      complaintId: c.id,
      at: now,
      kind: "reveal",
      author: "officer",
      actorId: ctx.user.id,
      internal: true,
    });
    await recordAudit(tx, {
      action: "complaint.identity-revealed",
      actor: ctx.user,
      targetType: "complaint",
      targetId: c.id,
      agencyId: c.agencyId,
      after: { reason },
      request: ctx.request,
    });
  });
  return openComplaintBox(c.id, c).openJson<ComplainantIdentity>("identity", c.identity);
}
