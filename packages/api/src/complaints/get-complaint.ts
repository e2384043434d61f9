import { complaintEvents } from "@ita/db/schema";
import { nextDeadline, overdueDeadline, type IdentityConsent } from "@ita/domain/complaints";
import { and, count, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.ts";
import type { ComplaintCaseContext } from "./access.ts";
import { openComplaintBox } from "./crypto.ts";
import { listFiles } from "./evidence-files.ts";
import type { ComplainantIdentity, ComplaintContent } from "./file-complaint.ts";
import { readTimeline } from "./timeline.ts";

/**
 * One case for an officer of its agency: content and the whole timeline. The
 * complainant's identity is NOT included — only whether there is one and how often it
 * was revealed; `revealIdentity` shows it, with a reason, audited. Every reading is audited.
 */
export async function getComplaint({ ctx }: { ctx: ComplaintCaseContext }) {
  const c = ctx.complaint;
  const box = c.purgedAt ? null : openComplaintBox(c.id, c);
  // Only the consent flag leaves this function, never who the complainant is.
  const consentToForward =
    box && c.identity
      ? box.openJson<ComplainantIdentity>("identity", c.identity).consentToForward
      : false;
  const identityConsent: IdentityConsent = c.isAnonymous
    ? "anonymous"
    : consentToForward
      ? "consented"
      : "not-consented";
  const [reveals] = await ctx.db
    .select({ n: count() })
    .from(complaintEvents)
    .where(and(eq(complaintEvents.complaintId, c.id), eq(complaintEvents.kind, "reveal")));
  await recordAudit(ctx.db, {
    action: "complaint.read",
    actor: ctx.user,
    targetType: "complaint",
    targetId: c.id,
    agencyId: c.agencyId,
    request: ctx.request,
  });
  return {
    id: c.id,
    agency: ctx.agency,
    reference: c.reference,
    subject: c.subject,
    state: c.state,
    outcome: c.outcome,
    receivedAt: c.receivedAt,
    acknowledgedAt: c.acknowledgedAt,
    acknowledgeBy: c.acknowledgeBy,
    decideBy: c.decideBy,
    closedAt: c.closedAt,
    purgedAt: c.purgedAt,
    assigneeId: c.assigneeId,
    overdue: overdueDeadline(c, ctx.now()),
    next: nextDeadline(c),
    isAnonymous: c.isAnonymous,
    identityReveals: reveals?.n ?? 0,
    /** Whether the identity may go along if the case is forwarded (ADR 0027). */
    identityConsent,
    content: box && c.content ? box.openJson<ComplaintContent>("content", c.content) : null,
    timeline: box ? await readTimeline(ctx.db, c.id, box, "officer") : [],
    /** Evidence: with the filing (`eventId` null) or with a complainant's message. */
    files: box ? await listFiles(ctx.db, { complaintId: c.id }, box) : [],
  };
}
