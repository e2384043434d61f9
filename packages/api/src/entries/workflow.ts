import type { Executor } from "@ita/db";
import { attachments, disclosureEntries, disclosureVersions, entryEvents } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import {
  AUTHORING_EVENTS,
  transition,
  type EntryAction,
  type EntryEvent,
  type EntryState,
  type WorkflowRole,
} from "@ita/domain/workflow";
import { and, eq, inArray } from "drizzle-orm";
import type { AuthorizedAgency, EntryRow } from "../authz/authorize.ts";
import { versionContent } from "./version-content.ts";

export function workflowRolesOf(agency: AuthorizedAgency): WorkflowRole[] {
  if (agency.readOnly) return [];
  const roles: WorkflowRole[] = [];
  if (agency.roles.has("editor")) roles.push("editor");
  if (agency.roles.has("approver")) roles.push("approver");
  return roles;
}

/** Re-reads the entry inside the transaction with a row lock, so two approvers cannot race. */
export async function lockEntry(tx: Executor, entryId: string): Promise<EntryRow> {
  const [entry] = await tx
    .select()
    .from(disclosureEntries)
    .where(eq(disclosureEntries.id, entryId))
    .for("update");
  if (!entry) throw new DomainError("NOT_FOUND", `entry ${entryId}`);
  return entry;
}

/** The state workflow rules see: an entry the public can see counts as published even while a revision waits. */
export function isPubliclyVisible(
  entry: Pick<EntryRow, "publishedVersionId" | "withdrawnAt">,
): boolean {
  return entry.publishedVersionId !== null && entry.withdrawnAt === null;
}

/** The public has seen the entry (it may be withdrawn since): its date is history. */
export function hasBeenPublic(
  entry: Pick<EntryRow, "publishedVersionId" | "publishedAt">,
  now: Date,
): boolean {
  return (
    entry.publishedVersionId !== null && entry.publishedAt !== null && entry.publishedAt <= now
  );
}

/**
 * A version that was approved (public, or scheduled to be) is never edited in place:
 * changes go into a new version through approval again.
 */
export function isApprovedVersion(
  entry: Pick<EntryRow, "publishedVersionId" | "scheduledVersionId">,
  versionId: string | null,
): boolean {
  return (
    versionId !== null &&
    (versionId === entry.publishedVersionId || versionId === entry.scheduledVersionId)
  );
}

/** Everyone who wrote any part of the version: its author and whoever saved or attached to it. */
export async function contributorsOf(tx: Executor, entry: EntryRow): Promise<Set<string>> {
  if (!entry.currentVersionId) return new Set();
  const [version] = await tx
    .select({ authorId: disclosureVersions.authorId })
    .from(disclosureVersions)
    .where(eq(disclosureVersions.id, entry.currentVersionId));
  const events = await tx
    .select({ actorId: entryEvents.actorId })
    .from(entryEvents)
    .where(
      and(
        eq(entryEvents.versionId, entry.currentVersionId),
        inArray(entryEvents.action, AUTHORING_EVENTS),
      ),
    );
  const ids = new Set<string>();
  if (version?.authorId) ids.add(version.authorId);
  for (const e of events) if (e.actorId) ids.add(e.actorId);
  return ids;
}

/** Applies the domain state machine; throws the matching DomainError when refused. */
export async function checkTransition(
  tx: Executor,
  entry: EntryRow,
  agency: AuthorizedAgency,
  actorId: string,
  action: EntryAction,
  comment?: string | null,
): Promise<EntryState> {
  const state: EntryState =
    action === "unpublish" && isPubliclyVisible(entry) ? "published" : entry.state;
  const contributors = action === "approve" ? await contributorsOf(tx, entry) : new Set<string>();
  const result = transition({
    state,
    action,
    actorContributed: contributors.has(actorId),
    roles: workflowRolesOf(agency),
    comment: comment ?? null,
  });
  if (!result.ok) throw new DomainError(result.code, `${action} refused in state ${state}`);
  return result.next;
}

export async function recordEntryEvent(
  tx: Executor,
  event: {
    entryId: string;
    versionId: string | null;
    action: EntryEvent;
    /** Null for what the system does on its own (a scheduled version going public). */
    actorId: string | null;
    comment?: string | null;
    at: Date;
  },
): Promise<void> {
  await tx.insert(entryEvents).values({ ...event, comment: event.comment ?? null });
}

/**
 * Starts a new version from the current one (content and attachments), so what the
 * public saw stays untouched while the revision goes through approval again.
 */
export async function startNewVersion(
  tx: Executor,
  entry: EntryRow,
  actorId: string,
  now: Date,
): Promise<string> {
  const [current] = await tx
    .select()
    .from(disclosureVersions)
    .where(eq(disclosureVersions.id, entry.currentVersionId!));
  if (!current) throw new DomainError("NOT_FOUND", `version of entry ${entry.id}`);
  const [version] = await tx
    .insert(disclosureVersions)
    .values({
      entryId: entry.id,
      versionNo: current.versionNo + 1,
      ...versionContent(current),
      authorId: actorId,
      createdAt: now,
    })
    .returning({ id: disclosureVersions.id });
  const files = await tx.select().from(attachments).where(eq(attachments.versionId, current.id));
  if (files.length > 0) {
    await tx.insert(attachments).values(
      // Keep each file's upload time: files are listed by it, and a file added to the
      // new version right away must come after them (the database clock may run ahead).
      files.map(({ id: _id, ...f }) => ({ ...f, versionId: version!.id })),
    );
  }
  await tx
    .update(disclosureEntries)
    .set({ currentVersionId: version!.id, state: "draft", updatedAt: now })
    .where(eq(disclosureEntries.id, entry.id));
  await recordEntryEvent(tx, {
    entryId: entry.id,
    versionId: version!.id,
    action: "revised",
    actorId,
    at: now,
  });
  return version!.id;
}
