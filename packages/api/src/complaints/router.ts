import {
  AssignComplaintInput,
  ComplainantMessageInput,
  EVIDENCE_MAX_FILES,
  FormTokenInput,
  ComplaintStatisticsInput,
  ComplaintIdInput,
  FileComplaintInput,
  FindComplaintAgencyInput,
  ForwardComplaintInput,
  ListComplaintsInput,
  MoveComplaintInput,
  OfficerMessageInput,
  RevealIdentityInput,
} from "@ita/domain/complaints";
import { AgencyIdInput } from "@ita/domain/schemas";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { staffProcedure } from "../authz/procedures.ts";
import { publicProcedure } from "../trpc.ts";
import { authorizeComplaint, authorizeComplaintAgency } from "./access.ts";
import { assignComplaint } from "./assign-complaint.ts";
import { getComplaintStatistics } from "./complaint-statistics.ts";
import { attachDraftEvidence, listDraftEvidence, removeDraftEvidence } from "./draft-evidence.ts";
import { fileComplaint } from "./file-complaint.ts";
import { readComplaintFile } from "./read-complaint-file.ts";
import { readOwnEvidence } from "./read-own-evidence.ts";
import { findComplaintAgencies } from "./find-agencies.ts";
import { forwardComplaint } from "./forward.ts";
import { getComplaint } from "./get-complaint.ts";
import { listComplaints } from "./list-complaints.ts";
import { moveComplaint } from "./move-complaint.ts";
import { postComplaintMessage } from "./post-complaint-message.ts";
import { issueFilingChallenge } from "./proof-of-work.ts";
import { replyAsComplainant } from "./reply-as-complainant.ts";
import { revealIdentity } from "./reveal-identity.ts";
import { trackComplaint } from "./track-complaint.ts";
import { withdrawComplaint } from "./withdraw-complaint.ts";

/** An agency's complaint inbox: its complaint officers only (access.ts). */
const officerAgencyProcedure = staffProcedure
  .input(z.object({ agencyId: AgencyIdInput }))
  .use(async ({ ctx, input, next }) =>
    next({ ctx: { agency: await authorizeComplaintAgency(ctx, input.agencyId) } }),
  );

/** One case: authorised in the STORED complaint's agency. */
const caseProcedure = staffProcedure
  .input(z.object({ complaintId: ComplaintIdInput }))
  .use(async ({ ctx, input, next }) =>
    next({ ctx: await authorizeComplaint(ctx, input.complaintId) }),
  );

// The code arrives as typed; by-receipt.ts answers every bad code the same way.
const CodeInput = z.object({ code: z.string().max(100) });

/**
 * Files from a form, for in-process callers (the portal's pages): JSON over HTTP cannot
 * carry bytes, so these inputs only validate there. More than five are let through to
 * the use case, which answers with the translated "at most five files" message.
 */
const IncomingFilesInput = z
  .array(
    z.object({
      name: z.string().max(1000),
      bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array),
    }),
    { error: "ไฟล์ไม่ถูกต้อง" },
  )
  .max(EVIDENCE_MAX_FILES * 4);

export const complaintsRouter = {
  // The complainant: no account, the receipt code is the key.
  statistics: publicProcedure
    .input(ComplaintStatisticsInput)
    .query(({ ctx, input }) => getComplaintStatistics({ ctx, input })),
  findAgencies: publicProcedure
    .input(FindComplaintAgencyInput)
    .query(({ ctx, input }) => findComplaintAgencies({ ctx, input })),
  // A fresh proof-of-work challenge for the final step (a mutation: never cached).
  challenge: publicProcedure.mutation(({ ctx }) => issueFilingChallenge({ ctx })),
  file: publicProcedure
    .input(FileComplaintInput)
    .mutation(({ ctx, input }) => fileComplaint({ ctx, input })),
  /**
   * Every procedure that takes the receipt code (or a filing form's token) is a mutation:
   * over HTTP it is POST only, so the key is never in a URL, a proxy's log or a history.
   */
  track: publicProcedure
    .input(CodeInput)
    .mutation(({ ctx, input }) => trackComplaint({ ctx, input })),
  // Evidence on the filing form, waiting in a draft keyed by the form's token.
  attachDraftFiles: publicProcedure
    .input(z.object({ formToken: z.string().max(200), files: IncomingFilesInput }))
    .mutation(({ ctx, input }) => attachDraftEvidence({ ctx, input })),
  draftFiles: publicProcedure
    .input(z.object({ formToken: z.string().max(200) }))
    .mutation(({ ctx, input }) => listDraftEvidence({ ctx, input })),
  removeDraftFile: publicProcedure
    .input(z.object({ formToken: FormTokenInput, fileId: z.uuid() }))
    .mutation(({ ctx, input }) => removeDraftEvidence({ ctx, input })),
  reply: publicProcedure
    .input(
      ComplainantMessageInput.extend({
        code: z.string().max(100),
        files: IncomingFilesInput.optional(),
      }),
    )
    .mutation(({ ctx, input }) => replyAsComplainant({ ctx, input })),
  /** One of the complainant's own files, decrypted (a mutation: POST only, never cached). */
  ownEvidence: publicProcedure
    .input(CodeInput.extend({ fileId: z.uuid() }))
    .mutation(({ ctx, input }) => readOwnEvidence({ ctx, input })),
  withdraw: publicProcedure
    .input(CodeInput)
    .mutation(({ ctx, input }) => withdrawComplaint({ ctx, input })),

  // Officers of the receiving agency.
  inbox: officerAgencyProcedure
    .input(ListComplaintsInput.omit({ agencyId: true }))
    .query(({ ctx, input }) =>
      listComplaints({ ctx, input: { ...input, agencyId: ctx.agency.id } }),
    ),
  get: caseProcedure.query(({ ctx }) => getComplaint({ ctx })),
  move: caseProcedure
    .input(MoveComplaintInput)
    .mutation(({ ctx, input }) => moveComplaint({ ctx, input })),
  message: caseProcedure
    .input(OfficerMessageInput)
    .mutation(({ ctx, input }) => postComplaintMessage({ ctx, input })),
  reveal: caseProcedure
    .input(RevealIdentityInput)
    .mutation(({ ctx, input }) => revealIdentity({ ctx, input })),
  /** One evidence file, decrypted (audited). */
  evidence: caseProcedure
    .input(z.object({ fileId: z.uuid() }))
    .query(({ ctx, input }) => readComplaintFile({ ctx, input })),
  assign: caseProcedure
    .input(AssignComplaintInput)
    .mutation(({ ctx, input }) => assignComplaint({ ctx, input })),
  /** To another agency's inbox or to the NACC; closes the case here (ADR 0027). */
  forward: caseProcedure
    .input(ForwardComplaintInput)
    .mutation(({ ctx, input }) => forwardComplaint({ ctx, input })),
} satisfies TRPCRouterRecord;
