import type { FileStore } from "@ita/db/files";
import { agencies, complaintEvents, complaintFiles, complaints } from "@ita/db/schema";
import {
  canForwardComplaint,
  COMPLAINT_MESSAGES,
  complaintDeadlines,
  deadlineSettingsOf,
  ForwardComplaintInput,
  forwardOutcome,
  forwardProblem,
  type ForwardRecord,
  type IdentityConsent,
} from "@ita/domain/complaints";
import { DomainError } from "@ita/domain/errors";
import { fiscalYearOf } from "@ita/domain/fiscal-year";
import { COMPLAINT_ROLES } from "@ita/domain/roles";
import { and, asc, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit.ts";
import { fieldError } from "../authz/field-error.ts";
import type { ComplaintCaseContext } from "./access.ts";
import { agencyRoleHolders } from "../users/role-holders.ts";
import { takeComplaintReference } from "./complaint-reference.ts";
import { newComplaintBox, openComplaintBox, type ComplaintBox } from "./crypto.ts";
import {
  complaintFileStore,
  openFile,
  storeSealed,
  unstore,
  type SealedFile,
} from "./evidence-files.ts";
import type { ComplainantIdentity, ComplaintContent } from "./file-complaint.ts";
import { eventField } from "./timeline.ts";
import { loadHolidays } from "../holidays/load-holidays.ts";

/**
 * Forwards a case (ADR 0027), for a complaint officer of the STORED case's agency. The
 * case closes here with the forwarded outcome and a timeline event the complainant sees.
 * To another agency: a new case in its inbox, its own reference and deadlines, the
 * content and every evidence file sealed anew under the new case's own data key, the
 * identity only if the complainant consented and the officer chose to pass it — never the
 * messages or internal notes. To the NACC (outside the system): the letter's number.
 * The audit rows hold no complaint content (not even the reason, which is sealed).
 */
export async function forwardComplaint({
  ctx,
  input,
  files: store = complaintFileStore(),
}: {
  ctx: ComplaintCaseContext;
  input: ForwardComplaintInput;
  files?: FileStore;
}): Promise<{ outcome: string; reference: string | null }> {
  const data = ForwardComplaintInput.parse(input);
  const c = ctx.complaint;
  const from = c.state;
  if (!canForwardComplaint(from) || c.purgedAt)
    throw new DomainError("INVALID_TRANSITION", `complaint ${c.id} is ${from}`);

  const target =
    data.target === "agency" && data.agencySlug
      ? await receivingAgency(ctx, data.agencySlug)
      : null;
  const box = openComplaintBox(c.id, c);
  const identity = c.identity ? box.openJson<ComplainantIdentity>("identity", c.identity) : null;
  const consent: IdentityConsent = !identity
    ? "anonymous"
    : identity.consentToForward
      ? "consented"
      : "not-consented";
  const problem = forwardProblem({
    target: data.target,
    sourceAgencyId: c.agencyId,
    targetAgency: target && { id: target.id, officers: target.officers },
    includeIdentity: data.includeIdentity,
    identity: consent,
  });
  if (problem) {
    const m = COMPLAINT_MESSAGES[problem.message];
    throw fieldError(problem.field, m.th, m.en);
  }
  const identityPassed = data.includeIdentity && consent === "consented";

  const now = ctx.now();
  const outcome = forwardOutcome(data.target);
  const [source] = await ctx.db
    .select({ slug: agencies.slug, nameTh: agencies.nameTh, nameEn: agencies.nameEn })
    .from(agencies)
    .where(eq(agencies.id, c.agencyId));

  // The new case's files are sealed under its own key and written before its rows
  // (ADR 0012: a crash leaves an orphan file, never a row without its file).
  const nextId = target ? crypto.randomUUID() : null;
  const fresh = nextId ? newComplaintBox(nextId) : null;
  const copies = fresh ? await copyFiles(ctx, c.id, box, fresh.box, store) : [];

  const outEventId = crypto.randomUUID();
  let reference: string | null = data.target === "nacc" ? data.letterNumber! : null;
  try {
    const holidays = await loadHolidays(ctx.db);
    await ctx.db.transaction(async (tx) => {
      const moved = await tx
        .update(complaints)
        .set({
          state: "closed",
          outcome,
          acknowledgedAt: c.acknowledgedAt ?? now,
          closedAt: now,
          updatedAt: now,
        })
        .where(
          and(eq(complaints.id, c.id), eq(complaints.state, from), isNull(complaints.purgedAt)),
        )
        .returning({ id: complaints.id });
      if (moved.length === 0) throw new DomainError("CONFLICT", "complaint changed meanwhile");

      if (target && fresh && nextId) {
        const fiscalYear = fiscalYearOf(now);
        reference = await takeComplaintReference(tx, target.id, fiscalYear);
        // The receiving agency's own deadlines, counted from the forwarding.
        const deadlines = complaintDeadlines(now, deadlineSettingsOf(target), holidays);
        const content = c.content ? box.openJson<ComplaintContent>("content", c.content) : null;
        await tx.insert(complaints).values({
          id: nextId,
          agencyId: target.id,
          fiscalYear,
          reference,
          subject: c.subject,
          state: "received",
          receiptHash: null,
          formTokenHash: null,
          forwardedFromId: c.id,
          kekId: fresh.kekId,
          wrappedKey: fresh.wrappedKey,
          content: content ? fresh.box.sealJson("content", content) : null,
          identity: identityPassed ? fresh.box.sealJson("identity", identity) : null,
          isAnonymous: !identityPassed,
          receivedAt: now,
          acknowledgeBy: deadlines.acknowledgeBy,
          decideBy: deadlines.decideBy,
          updatedAt: now,
        });
        const inEventId = crypto.randomUUID();
        const inRecord: ForwardRecord = {
          direction: "in",
          target: "agency",
          agency: source ?? null,
          reference: c.reference,
          identityPassed,
          reason: data.reason,
        };
        await tx.insert(complaintEvents).values({
          id: inEventId,
          complaintId: nextId,
          at: now,
          kind: "forwarded-in",
          author: "officer",
          actorId: ctx.user.id,
          toState: "received",
          body: fresh.box.sealJson(eventField(inEventId), inRecord),
        });
        if (copies.length > 0)
          await tx.insert(complaintFiles).values(
            copies.map((f) => ({
              id: f.id,
              complaintId: nextId,
              storageKey: f.storageKey,
              meta: f.meta,
              createdAt: now,
            })),
          );
        await recordAudit(tx, {
          action: "complaint.received-forward",
          actor: ctx.user,
          targetType: "complaint",
          targetId: nextId,
          agencyId: target.id,
          after: {
            fromComplaintId: c.id,
            fromAgencyId: c.agencyId,
            identityPassed,
            files: copies.length,
          },
          request: ctx.request,
        });
      }

      const outRecord: ForwardRecord = {
        direction: "out",
        target: data.target,
        agency: target ? { slug: target.slug, nameTh: target.nameTh, nameEn: target.nameEn } : null,
        reference,
        identityPassed,
        reason: data.reason,
      };
      await tx.insert(complaintEvents).values({
        id: outEventId,
        complaintId: c.id,
        at: now,
        kind: "forward",
        author: "officer",
        actorId: ctx.user.id,
        fromState: from,
        toState: "closed",
        body: box.sealJson(eventField(outEventId), outRecord),
      });
      await recordAudit(tx, {
        action: "complaint.forwarded",
        actor: ctx.user,
        targetType: "complaint",
        targetId: c.id,
        agencyId: c.agencyId,
        before: { state: from },
        after: {
          state: "closed",
          outcome,
          target: data.target,
          toAgencyId: target?.id ?? null,
          toComplaintId: nextId,
          identityPassed,
          files: copies.length,
        },
        request: ctx.request,
      });
    });
  } catch (error) {
    await unstore(copies, store);
    throw error;
  }
  return { outcome, reference };
}

/** The receiving agency by slug, with how many complaint officers it has. */
async function receivingAgency(ctx: ComplaintCaseContext, slug: string) {
  const [agency] = await ctx.db
    .select({
      id: agencies.id,
      slug: agencies.slug,
      nameTh: agencies.nameTh,
      nameEn: agencies.nameEn,
      complaintAcknowledgeWorkingDays: agencies.complaintAcknowledgeWorkingDays,
      complaintDecideWorkingDays: agencies.complaintDecideWorkingDays,
    })
    .from(agencies)
    .where(eq(agencies.slug, slug));
  if (!agency) return null;
  const officers = await agencyRoleHolders(ctx.db, agency.id, COMPLAINT_ROLES);
  return { ...agency, officers: officers.length };
}

/** Every evidence file of the case, opened and sealed anew under the receiving case's key. */
async function copyFiles(
  ctx: ComplaintCaseContext,
  complaintId: string,
  from: ComplaintBox,
  to: ComplaintBox,
  store: FileStore,
): Promise<SealedFile[]> {
  const rows = await ctx.db
    .select()
    .from(complaintFiles)
    .where(eq(complaintFiles.complaintId, complaintId))
    .orderBy(asc(complaintFiles.seq));
  const out: SealedFile[] = [];
  try {
    for (const row of rows) {
      const opened = await openFile(from, row, store);
      if (!opened) continue; // a stored file already lost cannot be passed on
      const [sealed] = await storeSealed(
        to,
        [
          {
            fileName: opened.summary.name,
            contentType: opened.summary.contentType,
            bytes: opened.bytes,
            warnings: opened.summary.warnings,
          },
        ],
        store,
      );
      out.push(sealed!);
    }
  } catch (error) {
    await unstore(out, store);
    throw error;
  }
  return out;
}
