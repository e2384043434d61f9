import type { FileStore } from "@ita/db/files";
import { complaintDrafts, complaintFiles, complaints } from "@ita/db/schema";
import {
  COMPLAINT_MESSAGES,
  EVIDENCE_MAX_FILES,
  FormTokenInput,
  type EvidenceFileSummary,
} from "@ita/domain/complaints";
import { and, count, eq } from "drizzle-orm";
import { isDomainError } from "@ita/domain/errors";
import { fieldError } from "../authz/field-error.ts";
import type { Context } from "../context.ts";
import { takeComplaintRate } from "./client-throttle.ts";
import { formTokenHash, newComplaintBox, openComplaintBox, type ComplaintBox } from "./crypto.ts";
import {
  complaintFileStore,
  deleteFiles,
  inspectIncoming,
  listFiles,
  storeSealed,
  unstore,
  type IncomingFile,
} from "./evidence-files.ts";
import { evidenceError } from "./evidence.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type DraftContext = Pick<Context, "db" | "now">;
type DraftRow = typeof complaintDrafts.$inferSelect;

const formExpired = () =>
  fieldError("formToken", COMPLAINT_MESSAGES.formExpired.th, COMPLAINT_MESSAGES.formExpired.en);

async function findDraft(ctx: DraftContext, formToken: string): Promise<DraftRow | null> {
  const [row] = await ctx.db
    .select()
    .from(complaintDrafts)
    .where(eq(complaintDrafts.formTokenHash, formTokenHash(formToken)));
  return row ?? null;
}

/** The draft of a form, created on its first file (a race of two requests makes one). */
async function draftFor(
  ctx: DraftContext,
  formToken: string,
): Promise<{ draft: DraftRow; box: ComplaintBox }> {
  const tokenHash = formTokenHash(formToken);
  const [filed] = await ctx.db
    .select({ id: complaints.id })
    .from(complaints)
    .where(eq(complaints.formTokenHash, tokenHash));
  // A form already sent takes no more files (the tracking page does).
  if (filed) throw formExpired();
  const existing = await findDraft(ctx, formToken);
  if (existing) return { draft: existing, box: openComplaintBox(existing.id, existing) };
  const id = crypto.randomUUID();
  const { kekId, wrappedKey } = newComplaintBox(id);
  await ctx.db
    .insert(complaintDrafts)
    .values({ id, formTokenHash: tokenHash, kekId, wrappedKey, createdAt: ctx.now() })
    .onConflictDoNothing();
  const draft = (await findDraft(ctx, formToken))!;
  return { draft, box: openComplaintBox(draft.id, draft) };
}

/**
 * Adds evidence files to the filing form's draft (the form's evidence step). All files
 * are checked first; one refusal (6th file, too big, wrong type, macros) adds none.
 * Returns the draft's files after the change.
 */
export async function attachDraftEvidence({
  ctx,
  input,
  files: store = complaintFileStore(),
}: {
  ctx: DraftContext & Pick<Context, "request">;
  input: { formToken: string; files: readonly IncomingFile[] };
  files?: FileStore;
}): Promise<EvidenceFileSummary[]> {
  const formToken = FormTokenInput.parse(input.formToken);
  // Before any work: drafts come before the proof of work, so this is what keeps one
  // client from filling the file store (per-client, in memory, no address kept).
  try {
    takeComplaintRate("draftFiles", ctx.request.ip, ctx.now(), input.files.length);
  } catch (error) {
    if (isDomainError(error, "RATE_LIMITED")) throw evidenceError("tooManyUploads");
    throw error;
  }
  const existing = await findDraft(ctx, formToken);
  const already = existing ? await countFiles(ctx, existing.id) : 0;
  const clean = await inspectIncoming(input.files, already);
  if (clean.length === 0) return listDraftEvidence({ ctx, input: { formToken } });
  const { draft, box } = await draftFor(ctx, formToken);
  const sealed = await storeSealed(box, clean, store);
  try {
    await ctx.db.transaction(async (tx) => {
      // One request at a time per draft, so two concurrent steps cannot pass five together.
      await tx
        .select({ id: complaintDrafts.id })
        .from(complaintDrafts)
        .where(eq(complaintDrafts.id, draft.id))
        .for("update");
      const [n] = await tx
        .select({ n: count() })
        .from(complaintFiles)
        .where(eq(complaintFiles.draftId, draft.id));
      if ((n?.n ?? 0) + sealed.length > EVIDENCE_MAX_FILES) throw evidenceError("tooMany");
      const now = ctx.now();
      await tx.insert(complaintFiles).values(
        sealed.map((f) => ({
          id: f.id,
          draftId: draft.id,
          storageKey: f.storageKey,
          meta: f.meta,
          createdAt: now,
        })),
      );
    });
  } catch (error) {
    await unstore(sealed, store);
    throw error;
  }
  return draftFiles(ctx, draft.id, box);
}

async function draftFiles(
  ctx: DraftContext,
  draftId: string,
  box: ComplaintBox,
): Promise<EvidenceFileSummary[]> {
  const files = await listFiles(ctx.db, { draftId }, box);
  return files.map(({ eventId: _, ...f }) => f);
}

async function countFiles(ctx: DraftContext, draftId: string): Promise<number> {
  const [n] = await ctx.db
    .select({ n: count() })
    .from(complaintFiles)
    .where(eq(complaintFiles.draftId, draftId));
  return n?.n ?? 0;
}

/** The files attached so far to a form not yet sent (none when it has no draft). */
export async function listDraftEvidence({
  ctx,
  input,
}: {
  ctx: DraftContext;
  input: { formToken: string };
}): Promise<EvidenceFileSummary[]> {
  const parsed = FormTokenInput.safeParse(input.formToken);
  if (!parsed.success) return [];
  const draft = await findDraft(ctx, parsed.data);
  if (!draft) return [];
  return draftFiles(ctx, draft.id, openComplaintBox(draft.id, draft));
}

/** Takes a file off a form not yet sent. */
export async function removeDraftEvidence({
  ctx,
  input,
  files: store = complaintFileStore(),
}: {
  ctx: DraftContext;
  input: { formToken: string; fileId: string };
  files?: FileStore;
}): Promise<EvidenceFileSummary[]> {
  const formToken = FormTokenInput.parse(input.formToken);
  const draft = await findDraft(ctx, formToken);
  if (!draft || !UUID.test(input.fileId)) return listDraftEvidence({ ctx, input: { formToken } });
  const [row] = await ctx.db
    .select({ id: complaintFiles.id })
    .from(complaintFiles)
    .where(and(eq(complaintFiles.id, input.fileId), eq(complaintFiles.draftId, draft.id)));
  if (row) await deleteFiles(ctx.db, [row.id], store);
  return listDraftEvidence({ ctx, input: { formToken } });
}
