import { refreshSearchDocument } from "@ita/db/search";
import { disclosureEntries } from "@ita/db/schema";
import {
  ApproveEntryInput,
  ReturnEntryInput,
  SubmitEntryInput,
  UnpublishEntryInput,
  WithdrawSubmissionInput,
} from "@ita/domain/schemas";
import { PUBLISH_AT_MESSAGES, schedulePublication } from "@ita/domain/publication";
import type { EntryAction, EntryEvent, EntryState } from "@ita/domain/workflow";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import type { EntryRow } from "../authz/authorize.ts";
import { fieldError } from "../authz/field-error.ts";
import type { EntryContext } from "../authz/procedures.ts";
import {
  checkTransition,
  hasBeenPublic,
  isPubliclyVisible,
  lockEntry,
  recordEntryEvent,
} from "./workflow.ts";

/** What one workflow step changes, decided from the locked entry and the allowed next state. */
type Step<R> = {
  /** The entry's columns after the step: its state and whatever else the step moves. */
  set: { state: EntryState } & Partial<typeof disclosureEntries.$inferInsert>;
  event: EntryEvent;
  /** The version the history event is about. */
  versionId: string | null;
  audit: { action: string; before: Record<string, unknown>; after: Record<string, unknown> };
  /** What the public sees may change: the search document follows in the same transaction. */
  refreshSearch?: boolean;
  /** Returned to the caller besides the entry's id and new state. */
  result?: R;
};

/**
 * One workflow step in one transaction: lock the entry, check the action against the
 * state machine (with `comment` as its comment or reason), then write the entry's row,
 * its history event (with the same comment), the search document and the audit row.
 */
async function runStep<R extends object = Record<never, never>>(
  ctx: EntryContext,
  action: EntryAction,
  comment: string | null | undefined,
  decide: (entry: EntryRow, next: EntryState, now: Date) => Step<R>,
): Promise<{ id: string; state: EntryState } & R> {
  return ctx.db.transaction(async (tx) => {
    const entry = await lockEntry(tx, ctx.entry.id);
    const next = await checkTransition(tx, entry, ctx.agency, ctx.user.id, action, comment);
    const now = ctx.now();
    const step = decide(entry, next, now);
    await tx
      .update(disclosureEntries)
      .set({ ...step.set, updatedAt: now })
      .where(eq(disclosureEntries.id, entry.id));
    await recordEntryEvent(tx, {
      entryId: entry.id,
      versionId: step.versionId,
      action: step.event,
      actorId: ctx.user.id,
      comment,
      at: now,
    });
    if (step.refreshSearch) await refreshSearchDocument(tx, entry.id);
    await recordAudit(tx, {
      ...step.audit,
      actor: ctx.user,
      targetType: "entry",
      targetId: entry.id,
      agencyId: entry.agencyId,
      request: ctx.request,
    });
    return { id: entry.id, state: step.set.state, ...(step.result as R) };
  });
}

/** Editor sends the current version for approval. */
export async function submitEntry({
  ctx,
  input,
}: {
  ctx: EntryContext;
  input: z.input<typeof SubmitEntryInput>;
}) {
  const { comment } = SubmitEntryInput.parse(input);
  return runStep(ctx, "submit", comment, (entry, next) => ({
    set: { state: next },
    event: "submitted",
    versionId: entry.currentVersionId,
    audit: { action: "entry.submit", before: { state: entry.state }, after: { state: next } },
  }));
}

/**
 * An editor of the agency takes a submitted entry back to draft before an approver acts
 * on it (glossary: ถอนกลับ). Any editor, not only the submitter: clerks cover for each
 * other. Once returned or approved the state is no longer `submitted` and it is refused.
 * The approver's waiting list follows the state, so the entry leaves it at once.
 */
export async function withdrawSubmission({
  ctx,
  input,
}: {
  ctx: EntryContext;
  input: z.input<typeof WithdrawSubmissionInput>;
}) {
  WithdrawSubmissionInput.parse(input);
  return runStep(ctx, "withdrawSubmission", null, (entry, next) => ({
    set: { state: next },
    event: "submission_withdrawn",
    versionId: entry.currentVersionId,
    audit: {
      action: "entry.withdrawSubmission",
      before: { state: entry.state },
      after: { state: next },
    },
  }));
}

/** Approver sends it back with what to fix. */
export async function returnEntry({
  ctx,
  input,
}: {
  ctx: EntryContext;
  input: z.input<typeof ReturnEntryInput>;
}) {
  const { comment } = ReturnEntryInput.parse(input);
  return runStep(ctx, "return", comment, (entry, next) => ({
    set: { state: next },
    event: "returned",
    versionId: entry.currentVersionId,
    audit: {
      action: "entry.return",
      before: { state: entry.state },
      after: { state: next, comment },
    },
  }));
}

/**
 * Approver publishes the submitted version (never one they wrote). Without a date it is
 * public at once; with a (future, bounded) `publishAt` it goes public then — and when the
 * entry has already been public, what the public sees stays until that moment, when
 * `publishDueVersions` swaps the scheduled version in. The public date is the moment
 * the entry became public, so it is never set in the past (docs/adr, "Published content safeguards").
 */
export async function approveEntry({
  ctx,
  input,
}: {
  ctx: EntryContext;
  input: z.input<typeof ApproveEntryInput>;
}) {
  const { publishAt, comment } = ApproveEntryInput.parse(input);
  const schedule = schedulePublication(publishAt, ctx.now());
  if (!schedule.ok) {
    const message = PUBLISH_AT_MESSAGES[schedule.reason];
    throw fieldError("publishAt", message.th, message.en);
  }
  return runStep(ctx, "approve", comment, (entry, next, now) => {
    const at = schedule.at;
    const wasPublic = hasBeenPublic(entry, now);
    const publishedAt = at
      ? wasPublic
        ? entry.publishedAt!
        : at
      : isPubliclyVisible(entry) && wasPublic
        ? entry.publishedAt!
        : now;
    const change =
      at && wasPublic
        ? // The public keeps seeing the published (or withdrawn) version until `at`.
          { scheduledVersionId: entry.currentVersionId, publishAt: at }
        : {
            publishedVersionId: entry.currentVersionId,
            scheduledVersionId: null,
            publishAt: at,
            publishedAt,
            withdrawnAt: null,
            withdrawnReason: null,
          };
    return {
      set: { state: next, ...change },
      event: "approved",
      versionId: entry.currentVersionId,
      refreshSearch: true,
      audit: {
        action: "entry.approve",
        before: { state: entry.state, publishedVersionId: entry.publishedVersionId },
        after: { state: next, versionId: entry.currentVersionId, publishedAt, publishAt: at },
      },
      result: { publishedAt, publishAt: at },
    };
  });
}

/** Approver withdraws what the public sees, with a reason the public page shows. Nothing is deleted. */
export async function unpublishEntry({
  ctx,
  input,
}: {
  ctx: EntryContext;
  input: z.input<typeof UnpublishEntryInput>;
}) {
  const { reason } = UnpublishEntryInput.parse(input);
  return runStep(ctx, "unpublish", reason, (entry, _next, now) => {
    // A revision waiting for approval keeps its own state; otherwise the entry is withdrawn.
    const state = entry.state === "published" ? "withdrawn" : entry.state;
    return {
      // A scheduled revision would otherwise bring the withdrawn entry back on its date.
      set: {
        state,
        withdrawnAt: now,
        withdrawnReason: reason,
        scheduledVersionId: null,
        publishAt: null,
      },
      event: "unpublished",
      versionId: entry.publishedVersionId,
      refreshSearch: true,
      audit: {
        action: "entry.unpublish",
        before: { state: entry.state },
        after: { state, reason },
      },
    };
  });
}
