import { attachments, disclosureVersions, entryEvents, users } from "@ita/db/schema";
import { missingEvidence } from "@ita/domain/frameworks";
import { allowedActions } from "@ita/domain/workflow";
import { asc, desc, eq, sql } from "drizzle-orm";
import { itemsOfVersions } from "../frameworks/entry-items.ts";
import { resolveFramework } from "../frameworks/resolve-framework.ts";
import type { EntryContext } from "../authz/procedures.ts";
import { compareVersions } from "./compare-versions.ts";
import { descriptionForEditing } from "./sanitize.ts";
import { versionContentColumns } from "./version-content.ts";
import { contributorsOf, isPubliclyVisible, workflowRolesOf } from "./workflow.ts";

/** One entry for the editor page: current and published content, files, history, and what the actor may do. */
export async function getEntry({ ctx }: { ctx: EntryContext }) {
  const entry = ctx.entry;
  const versions = await ctx.db
    .select({
      id: disclosureVersions.id,
      versionNo: disclosureVersions.versionNo,
      ...versionContentColumns,
      createdAt: disclosureVersions.createdAt,
      authorName: users.displayName,
    })
    .from(disclosureVersions)
    .leftJoin(users, eq(users.id, disclosureVersions.authorId))
    .where(eq(disclosureVersions.entryId, entry.id))
    .orderBy(desc(disclosureVersions.versionNo));
  const stored = versions.find((v) => v.id === entry.currentVersionId) ?? null;
  // The editor gets its own format back, also for rows that only have HTML.
  const current = stored ? { ...stored, descriptionSource: descriptionForEditing(stored) } : null;
  const published = versions.find((v) => v.id === entry.publishedVersionId) ?? null;
  const files = entry.currentVersionId
    ? await ctx.db
        .select({
          id: attachments.id,
          fileName: attachments.fileName,
          contentType: attachments.contentType,
          sizeBytes: attachments.sizeBytes,
          sha256: attachments.sha256,
          hasText: sql<boolean>`${attachments.extractedText} is not null`,
          textState: attachments.textState,
          createdAt: attachments.createdAt,
        })
        .from(attachments)
        .where(eq(attachments.versionId, entry.currentVersionId))
        .orderBy(asc(attachments.createdAt))
    : [];
  // A new version of a published entry: what the approver is asked to change publicly.
  const revision = published && current && published.id !== current.id;
  const publishedFiles = revision
    ? await ctx.db
        .select({ fileName: attachments.fileName, sha256: attachments.sha256 })
        .from(attachments)
        .where(eq(attachments.versionId, published.id))
    : [];
  const changes = revision
    ? compareVersions({ ...published, files: publishedFiles }, { ...current, files })
    : null;
  const history = await ctx.db
    .select({
      action: entryEvents.action,
      comment: entryEvents.comment,
      at: entryEvents.at,
      actorName: users.displayName,
      versionId: entryEvents.versionId,
    })
    .from(entryEvents)
    .leftJoin(users, eq(users.id, entryEvents.actorId))
    .where(eq(entryEvents.entryId, entry.id))
    .orderBy(desc(entryEvents.seq));
  // A copy nobody has saved since: the editor asks the clerk to check it before submitting.
  const lastAuthoring = history.find(
    (h) =>
      h.versionId === entry.currentVersionId &&
      ["created", "saved", "revised", "copied", "bulk_created"].includes(h.action),
  );
  const copyToCheck =
    lastAuthoring?.action === "copied" && entry.state === "draft"
      ? { fromTitle: lastAuthoring.comment, fromFiscalYear: entry.fiscalYear - 1 }
      : null;
  const contributors = await contributorsOf(ctx.db, entry);
  // The item as the version the entry was made under defines it (ADR 0022), not as a
  // later version reworded it; the governing version only for entries without one.
  const ownVersion = (await itemsOfVersions(ctx.db, [entry.frameworkId]))(
    entry.frameworkId,
    entry.itemCode,
  );
  const item =
    ownVersion ??
    (await resolveFramework(ctx.db, entry.fiscalYear, ctx.agency.type))?.items.find(
      (i) => i.code === entry.itemCode,
    ) ??
    null;
  const visible = isPubliclyVisible(entry);
  const roles = workflowRolesOf(ctx.agency);
  const actions = new Set(
    allowedActions({
      state: entry.state,
      actorContributed: contributors.has(ctx.user.id),
      roles,
    }),
  );
  if (visible && roles.includes("approver")) actions.add("unpublish");
  return {
    id: entry.id,
    agencyId: entry.agencyId,
    agencySlug: ctx.agency.slug,
    fiscalYear: entry.fiscalYear,
    itemCode: entry.itemCode,
    /** What the item expects: how often (its periods) and which evidence shows it. */
    item: item
      ? {
          titleTh: item.titleTh,
          titleEn: item.titleEn,
          cadence: item.cadence,
          evidence: item.evidence,
          /** Set when the entry was made under a version of the criteria since replaced. */
          earlierVersion: ownVersion && !ownVersion.current ? ownVersion.version : null,
        }
      : null,
    period: entry.period,
    /**
     * The evidence the item expects and the current version lacks (none of its kinds is
     * there): the editor and the approver are warned before submitting and approving.
     */
    missingEvidence:
      item && stored
        ? missingEvidence(item.evidence, {
            files: files.length,
            links: stored.links.length,
            description: stored.descriptionHtml.replace(/<[^>]*>/g, ""),
          })
        : [],
    state: entry.state,
    publiclyVisible: visible,
    publishedAt: entry.publishedAt,
    /** The approved version waiting for its date goes public then (a revision, or the first publication). */
    scheduledAt: entry.publishAt && entry.publishAt > ctx.now() ? entry.publishAt : null,
    withdrawnAt: entry.withdrawnAt,
    withdrawnReason: entry.withdrawnReason,
    current,
    published,
    versions: versions.map(({ descriptionHtml: _d, descriptionSource: _s, links: _l, ...v }) => v),
    /** Against the published version, when this is a new one (null otherwise). */
    changesSincePublished: changes,
    attachments: files.map(({ hasText, ...f }) => ({ ...f, hasText: Boolean(hasText) })),
    history,
    copyToCheck,
    /** The actor wrote part of the current version: they may not approve it (four-eyes). */
    isContributor: contributors.has(ctx.user.id),
    canEdit: roles.includes("editor") && entry.state !== "submitted",
    actions: [...actions],
  };
}
