import {
  agencies,
  complaintReminders,
  complaints,
  disclosureEntries,
  disclosureVersions,
  entryEvents,
  provinceReviewRounds,
  reviewReminders,
} from "@ita/db/schema";
import { roleGetsReviewReminders, roleWorksComplaints } from "@ita/domain/roles";
import { AUTHORING_EVENTS, type EntryState } from "@ita/domain/workflow";
import { and, desc, eq, inArray, isNull, ne, or } from "drizzle-orm";
import type { StaffContext } from "../authz/procedures.ts";

export interface Notification {
  kind: "awaiting-approval" | "returned";
  entryId: string;
  agencyId: string;
  agencyNameTh: string;
  fiscalYear: number;
  itemCode: string;
  title: string;
  at: Date;
}

/**
 * What waits for me, computed from the workflow state (nothing to mark as read):
 * approvers see submitted entries they did not write, editors see returned ones.
 */
export async function listNotifications({ ctx }: { ctx: StaffContext }) {
  const approverOf = ctx.user.roles
    .filter((r) => r.role === "approver" && r.agencyId)
    .map((r) => r.agencyId!);
  const editorOf = ctx.user.roles
    .filter((r) => r.role === "editor" && r.agencyId)
    .map((r) => r.agencyId!);
  const select = {
    entryId: disclosureEntries.id,
    agencyId: disclosureEntries.agencyId,
    agencyNameTh: agencies.nameTh,
    fiscalYear: disclosureEntries.fiscalYear,
    itemCode: disclosureEntries.itemCode,
    title: disclosureVersions.title,
    at: disclosureEntries.updatedAt,
    currentVersionId: disclosureEntries.currentVersionId,
  };
  const query = (state: EntryState, agencyIds: string[]) =>
    ctx.db
      .select(select)
      .from(disclosureEntries)
      .innerJoin(agencies, eq(agencies.id, disclosureEntries.agencyId))
      .innerJoin(disclosureVersions, eq(disclosureVersions.id, disclosureEntries.currentVersionId))
      .where(
        and(eq(disclosureEntries.state, state), inArray(disclosureEntries.agencyId, agencyIds)),
      )
      .orderBy(desc(disclosureEntries.updatedAt))
      .limit(100);
  const submitted = approverOf.length ? await query("submitted", approverOf) : [];
  const returned = editorOf.length ? await query("returned", editorOf) : [];
  // Four-eyes: an entry I wrote is not waiting for me.
  const versionIds = submitted.map((s) => s.currentVersionId!).filter(Boolean);
  const mine = versionIds.length
    ? new Set(
        (
          await ctx.db
            .select({ versionId: entryEvents.versionId })
            .from(entryEvents)
            .where(
              and(
                inArray(entryEvents.versionId, versionIds),
                eq(entryEvents.actorId, ctx.user.id),
                inArray(entryEvents.action, AUTHORING_EVENTS),
              ),
            )
        ).map((r) => r.versionId),
      )
    : new Set<string | null>();
  const items: Notification[] = [
    ...submitted
      .filter((s) => !mine.has(s.currentVersionId))
      .map(({ currentVersionId: _v, ...s }) => ({ ...s, kind: "awaiting-approval" as const })),
    ...returned.map(({ currentVersionId: _v, ...s }) => ({ ...s, kind: "returned" as const })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
  // The province's reminders about review-round deadlines, to the agency's editors and administrators.
  const remindedOf = ctx.user.roles
    .filter((r) => roleGetsReviewReminders(r.role) && r.agencyId)
    .map((r) => r.agencyId!);
  const reminders = remindedOf.length
    ? await ctx.db
        .select({
          id: reviewReminders.id,
          kind: reviewReminders.kind,
          agencyId: reviewReminders.agencyId,
          agencyNameTh: agencies.nameTh,
          fiscalYear: provinceReviewRounds.fiscalYear,
          roundTitleTh: provinceReviewRounds.titleTh,
          deadline: provinceReviewRounds.deadline,
          missingCount: reviewReminders.missingCount,
          at: reviewReminders.at,
        })
        .from(reviewReminders)
        .innerJoin(provinceReviewRounds, eq(provinceReviewRounds.id, reviewReminders.roundId))
        .innerJoin(agencies, eq(agencies.id, reviewReminders.agencyId))
        .where(inArray(reviewReminders.agencyId, remindedOf))
        .orderBy(desc(reviewReminders.at))
        .limit(20)
    : [];
  // Complaint deadlines, to the agency's complaint officers only (the case's reference
  // and the date: nothing decrypted), while the case is still open.
  const officerOf = ctx.user.roles
    .filter((r) => roleWorksComplaints(r.role) && r.agencyId)
    .map((r) => r.agencyId!);
  const complaintDue = officerOf.length
    ? await ctx.db
        .select({
          id: complaintReminders.id,
          kind: complaintReminders.kind,
          complaintId: complaintReminders.complaintId,
          reference: complaints.reference,
          agencyId: complaintReminders.agencyId,
          agencyNameTh: agencies.nameTh,
          dueAt: complaintReminders.dueAt,
          at: complaintReminders.at,
        })
        .from(complaintReminders)
        .innerJoin(complaints, eq(complaints.id, complaintReminders.complaintId))
        .innerJoin(agencies, eq(agencies.id, complaintReminders.agencyId))
        .where(
          and(
            inArray(complaintReminders.agencyId, officerOf),
            ne(complaints.state, "closed"),
            // An acknowledged case's acknowledgement reminders are done with.
            or(
              inArray(complaintReminders.kind, ["decide-soon", "decide-overdue"]),
              isNull(complaints.acknowledgedAt),
            ),
          ),
        )
        .orderBy(desc(complaintReminders.at))
        .limit(50)
    : [];
  // A case both "soon" and later "overdue" for the same deadline shows only its latest reminder.
  const seen = new Set<string>();
  const complaintDeadlines = complaintDue.filter((r) => {
    const key = `${r.complaintId}:${r.kind.split("-")[0]}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    count: items.length + reminders.length + complaintDeadlines.length,
    items,
    reminders,
    complaintReminders: complaintDeadlines,
  };
}
