import {
  agencies,
  complaintDrafts,
  complaintEvents,
  complaintFiles,
  complaints,
} from "@ita/db/schema";
import {
  COMPLAINT_MESSAGES,
  complaintDeadlines,
  deadlineSettingsOf,
  FileComplaintInput,
} from "@ita/domain/complaints";
import { fiscalYearOf } from "@ita/domain/fiscal-year";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.ts";
import { fieldError } from "../authz/field-error.ts";
import type { Context } from "../context.ts";
import { takeComplaintRate } from "./client-throttle.ts";
import { takeComplaintReference } from "./complaint-reference.ts";
import {
  ChallengeAlreadySpent,
  challengeReplayedError,
  spendFilingChallenge,
  verifyFilingProof,
} from "./proof-of-work.ts";
import {
  formTokenHash,
  newComplaintBox,
  openComplaintBox,
  receiptCodeForFormToken,
  receiptCodeHash,
} from "./crypto.ts";
import { loadHolidays } from "../holidays/load-holidays.ts";

export interface FiledComplaint {
  reference: string;
  /** Shown once; only its slow hash is stored, so it cannot be shown again. */
  receiptCode: string;
  receivedAt: Date;
  agency: { slug: string; nameTh: string; nameEn: string | null };
}

/** Sealed content of a complaint (what the complainant wrote). */
export interface ComplaintContent {
  description: string;
  involved: string | null;
  occurredWhen: string | null;
  occurredWhere: string | null;
}

export interface ComplainantIdentity {
  name: string;
  phone: string | null;
  email: string | null;
  consentToForward: boolean;
}

class AlreadyFiled extends Error {}

/**
 * Files a complaint. Idempotent on the form token: a double click or a retry after a
 * lost response returns the same complaint and the same receipt code. The receipt is
 * returned only after the transaction has committed — with the evidence files of the
 * form's draft, which become the complaint's in the same transaction. Nothing about the client (address,
 * browser) is read or stored, and the audit row holds no content.
 */
export async function fileComplaint({
  ctx,
  input,
}: {
  ctx: Pick<Context, "db" | "now" | "request">;
  input: FileComplaintInput;
}): Promise<FiledComplaint> {
  const data = FileComplaintInput.parse(input);
  const client = ctx.request.ip;
  const tokenHash = formTokenHash(data.formToken);
  const receiptCode = receiptCodeForFormToken(data.formToken);
  const existing = await findFiled(ctx, tokenHash, receiptCode);
  if (existing) return existing;
  const [agency] = await ctx.db
    .select({
      id: agencies.id,
      complaintAcknowledgeWorkingDays: agencies.complaintAcknowledgeWorkingDays,
      complaintDecideWorkingDays: agencies.complaintDecideWorkingDays,
    })
    .from(agencies)
    .where(eq(agencies.id, data.agencyId));
  if (!agency)
    throw fieldError(
      "agencyId",
      COMPLAINT_MESSAGES.agencyUnknown.th,
      COMPLAINT_MESSAGES.agencyUnknown.en,
    );
  // Proof of work first (ADR 0024): a missing, wrong or stale proof writes nothing.
  const proof = await verifyFilingProof(ctx, data.proof);
  let giveBack: () => void;
  try {
    giveBack = takeComplaintRate("file", client, ctx.now());
  } catch (error) {
    proof.giveBack();
    throw error;
  }

  const receiptHash = await receiptCodeHash(receiptCode);
  const receivedAt = ctx.now();
  const fiscalYear = fiscalYearOf(receivedAt);
  // Evidence attached on the form's evidence step waits in a draft, sealed under the id
  // and data key the complaint now takes over.
  const [draft] = await ctx.db
    .select()
    .from(complaintDrafts)
    .where(eq(complaintDrafts.formTokenHash, tokenHash));
  const id = draft?.id ?? crypto.randomUUID();
  const { box, kekId, wrappedKey } = draft
    ? { box: openComplaintBox(draft.id, draft), kekId: draft.kekId, wrappedKey: draft.wrappedKey }
    : newComplaintBox(id);
  const content: ComplaintContent = {
    description: data.description,
    involved: data.involved ?? null,
    occurredWhen: data.occurredWhen ?? null,
    occurredWhere: data.occurredWhere ?? null,
  };
  const identity: ComplainantIdentity | null = data.identity
    ? {
        name: data.identity.name,
        phone: data.identity.phone ?? null,
        email: data.identity.email ?? null,
        consentToForward: data.identity.consentToForward,
      }
    : null;
  // The agency's own deadlines at the time of filing (its profile), in working days.
  const deadlines = complaintDeadlines(
    receivedAt,
    deadlineSettingsOf(agency),
    await loadHolidays(ctx.db),
  );

  try {
    await ctx.db.transaction(async (tx) => {
      // Record-then-check: the challenge is spent with this complaint or not at all.
      await spendFilingChallenge(tx, proof);
      const reference = await takeComplaintReference(tx, agency.id, fiscalYear);
      const inserted = await tx
        .insert(complaints)
        .values({
          id,
          agencyId: agency.id,
          fiscalYear,
          reference,
          subject: data.subject,
          state: "received",
          receiptHash,
          formTokenHash: tokenHash,
          kekId,
          wrappedKey,
          content: box.sealJson("content", content),
          identity: identity ? box.sealJson("identity", identity) : null,
          isAnonymous: identity === null,
          receivedAt,
          acknowledgeBy: deadlines.acknowledgeBy,
          decideBy: deadlines.decideBy,
          updatedAt: receivedAt,
        })
        // A concurrent submission of the same form won the race (same token, and the
        // same id when it had a draft): roll back (freeing the reference number) and
        // answer with its complaint.
        .onConflictDoNothing()
        .returning({ id: complaints.id });
      if (inserted.length === 0) throw new AlreadyFiled();
      let files = 0;
      if (draft) {
        const moved = await tx
          .update(complaintFiles)
          .set({ complaintId: id, draftId: null })
          .where(eq(complaintFiles.draftId, draft.id))
          .returning({ id: complaintFiles.id });
        files = moved.length;
        await tx.delete(complaintDrafts).where(eq(complaintDrafts.id, draft.id));
      }
      await tx.insert(complaintEvents).values({
        complaintId: id,
        at: receivedAt,
        kind: "state",
        author: "complainant",
        toState: "received",
      });
      await recordAudit(tx, {
        action: "complaint.filed",
        targetType: "complaint",
        targetId: id,
        agencyId: agency.id,
        after: { subject: data.subject, anonymous: identity === null, files },
      });
    });
  } catch (error) {
    // Nothing new was filed: the attempt does not count.
    giveBack();
    proof.giveBack();
    if (error instanceof ChallengeAlreadySpent) {
      // The same form sent twice at once spent its challenge on the first: same answer.
      const filed = await findFiled(ctx, tokenHash, receiptCode);
      if (filed) return filed;
      throw challengeReplayedError();
    }
    if (!(error instanceof AlreadyFiled)) throw error;
  }
  const filed = await findFiled(ctx, tokenHash, receiptCode);
  if (!filed) throw new Error("complaint vanished after commit");
  return filed;
}

async function findFiled(
  ctx: Pick<Context, "db">,
  tokenHash: string,
  receiptCode: string,
): Promise<FiledComplaint | null> {
  const [row] = await ctx.db
    .select({
      reference: complaints.reference,
      receivedAt: complaints.receivedAt,
      agency: { slug: agencies.slug, nameTh: agencies.nameTh, nameEn: agencies.nameEn },
    })
    .from(complaints)
    .innerJoin(agencies, eq(agencies.id, complaints.agencyId))
    .where(eq(complaints.formTokenHash, tokenHash));
  return row ? { ...row, receiptCode } : null;
}
