import { refreshSearchDocument } from "@ita/db/search";
import { disclosureEntries } from "@ita/db/schema";
import {
  ApproveEntryInput,
  ReturnEntryInput,
  SubmitEntryInput,
  UnpublishEntryInput,
} from "@ita/domain/schemas";
import { PUBLISH_AT_MESSAGES, schedulePublication } from "@ita/domain/publication";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import { fieldError } from "../authz/field-error.ts";
import type { EntryContext } from "../authz/procedures.ts";
import {
  checkTransition,
  hasBeenPublic,
  isPubliclyVisible,
  lockEntry,
  recordEntryEvent,
} from "./workflow.ts";

/** Editor sends the current version for approval. */
export async function submitEntry({
  ctx,
  input,
}: {
  ctx: EntryContext;
  input: z.input<typeof SubmitEntryInput>;
}) {
  const { comment } = SubmitEntryInput.parse(input);
  return ctx.db.transaction(async (tx) => {
    const entry = await lockEntry(tx, ctx.entry.id);
    const next = await checkTransition(tx, entry, ctx.agency, ctx.user.id, "submit", comment);
    const now = ctx.now();
    await tx
      .update(disclosureEntries)
      .set({ state: next, updatedAt: now })
      .where(eq(disclosureEntries.id, entry.id));
    await recordEntryEvent(tx, {
      entryId: entry.id,
      versionId: entry.currentVersionId,
      action: "submitted",
      actorId: ctx.user.id,
      comment,
      at: now,
    });
    await recordAudit(tx, {
      action: "entry.submit",
      actor: ctx.user,
      targetType: "entry",
      targetId: entry.id,
      agencyId: entry.agencyId,
      before: { state: entry.state },
      after: { state: next },
      request: ctx.request,
    });
    return { id: entry.id, state: next };
  });
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
  return ctx.db.transaction(async (tx) => {
    const entry = await lockEntry(tx, ctx.entry.id);
    const next = await checkTransition(tx, entry, ctx.agency, ctx.user.id, "return", comment);
    const now = ctx.now();
    await tx
      .update(disclosureEntries)
      .set({ state: next, updatedAt: now })
      .where(eq(disclosureEntries.id, entry.id));
    await recordEntryEvent(tx, {
      entryId: entry.id,
      versionId: entry.currentVersionId,
      action: "returned",
      actorId: ctx.user.id,
      comment,
      at: now,
    });
    await recordAudit(tx, {
      action: "entry.return",
      actor: ctx.user,
      targetType: "entry",
      targetId: entry.id,
      agencyId: entry.agencyId,
      before: { state: entry.state },
      after: { state: next, comment },
      request: ctx.request,
    });
    return { id: entry.id, state: next };
  });
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
  return ctx.db.transaction(async (tx) => {
    const entry = await lockEntry(tx, ctx.entry.id);
    const next = await checkTransition(tx, entry, ctx.agency, ctx.user.id, "approve", comment);
    const now = ctx.now();
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
    await tx
      .update(disclosureEntries)
      .set({ state: next, ...change, updatedAt: now })
      .where(eq(disclosureEntries.id, entry.id));
    await recordEntryEvent(tx, {
      entryId: entry.id,
      versionId: entry.currentVersionId,
      action: "approved",
      actorId: ctx.user.id,
      comment,
      at: now,
    });
    await refreshSearchDocument(tx, entry.id);
    await recordAudit(tx, {
      action: "entry.approve",
      actor: ctx.user,
      targetType: "entry",
      targetId: entry.id,
      agencyId: entry.agencyId,
      before: { state: entry.state, publishedVersionId: entry.publishedVersionId },
      after: { state: next, versionId: entry.currentVersionId, publishedAt, publishAt: at },
      request: ctx.request,
    });
    return { id: entry.id, state: next, publishedAt, publishAt: at };
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
  return ctx.db.transaction(async (tx) => {
    const entry = await lockEntry(tx, ctx.entry.id);
    await checkTransition(tx, entry, ctx.agency, ctx.user.id, "unpublish", reason);
    const now = ctx.now();
    // A revision waiting for approval keeps its own state; otherwise the entry is withdrawn.
    const state = entry.state === "published" ? "withdrawn" : entry.state;
    // A scheduled revision would otherwise bring the withdrawn entry back on its date.
    await tx
      .update(disclosureEntries)
      .set({
        state,
        withdrawnAt: now,
        withdrawnReason: reason,
        scheduledVersionId: null,
        publishAt: null,
        updatedAt: now,
      })
      .where(eq(disclosureEntries.id, entry.id));
    await recordEntryEvent(tx, {
      entryId: entry.id,
      versionId: entry.publishedVersionId,
      action: "unpublished",
      actorId: ctx.user.id,
      comment: reason,
      at: now,
    });
    await refreshSearchDocument(tx, entry.id);
    await recordAudit(tx, {
      action: "entry.unpublish",
      actor: ctx.user,
      targetType: "entry",
      targetId: entry.id,
      agencyId: entry.agencyId,
      before: { state: entry.state },
      after: { state, reason },
      request: ctx.request,
    });
    return { id: entry.id, state };
  });
}
