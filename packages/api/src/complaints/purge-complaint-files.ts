import type { Database } from "@ita/db";
import type { FileStore } from "@ita/db/files";
import { complaintDrafts, complaintFiles, complaints } from "@ita/db/schema";
import { eq, inArray, isNotNull, lt } from "drizzle-orm";
import { complaintFileStore, deleteFiles } from "./evidence-files.ts";

/** A filing form's evidence waits this long for the form to be sent. */
export const DRAFT_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** A stored file without a row is left alone this long (its row may be about to commit). */
export const ORPHAN_GRACE_MS = 60 * 60 * 1000;

interface PurgeContext {
  db: Database;
  now: () => Date;
}

/** Drafts never sent (older than `DRAFT_LIFETIME_MS`) go, with their files. */
export async function purgeComplaintDrafts({
  ctx,
  files: store = complaintFileStore(),
}: {
  ctx: PurgeContext;
  files?: FileStore;
}): Promise<number> {
  const cutoff = new Date(ctx.now().getTime() - DRAFT_LIFETIME_MS);
  const old = await ctx.db
    .select({ id: complaintDrafts.id })
    .from(complaintDrafts)
    .where(lt(complaintDrafts.createdAt, cutoff));
  if (old.length === 0) return 0;
  const ids = old.map((d) => d.id);
  const rows = await ctx.db
    .select({ id: complaintFiles.id })
    .from(complaintFiles)
    .where(inArray(complaintFiles.draftId, ids));
  await deleteFiles(
    ctx.db,
    rows.map((r) => r.id),
    store,
  );
  await ctx.db.delete(complaintDrafts).where(inArray(complaintDrafts.id, ids));
  return old.length;
}

/** Files of purged complaints (retention): rows and sealed bytes. Safe to repeat. */
export async function purgeFilesOfPurgedComplaints({
  ctx,
  files: store = complaintFileStore(),
}: {
  ctx: Pick<PurgeContext, "db">;
  files?: FileStore;
}): Promise<number> {
  const rows = await ctx.db
    .select({ id: complaintFiles.id })
    .from(complaintFiles)
    .innerJoin(complaints, eq(complaints.id, complaintFiles.complaintId))
    .where(isNotNull(complaints.purgedAt));
  await deleteFiles(
    ctx.db,
    rows.map((r) => r.id),
    store,
  );
  return rows.length;
}

/**
 * Removes stored files that no row refers to and that were written before `before`:
 * left by a crash between writing a file and committing its row, or by a half-finished
 * write. The job queue passes now minus `ORPHAN_GRACE_MS`; the web process, when it
 * starts, passes its own start time (the previous process's writes are all over).
 */
export async function sweepOrphanComplaintFiles({
  db,
  before,
  files: store = complaintFileStore(),
}: {
  db: Database;
  before: Date;
  files?: FileStore;
}): Promise<number> {
  const known = new Set(
    (await db.select({ key: complaintFiles.storageKey }).from(complaintFiles)).map((r) => r.key),
  );
  let removed = 0;
  for await (const f of store.list()) {
    if (f.modifiedAt >= before) continue;
    if (!f.partial && known.has(f.key)) continue;
    await store.remove(f.key);
    removed++;
  }
  return removed;
}
