/**
 * Input schemas for complaints. Limits are generous for a real account of events and
 * small enough that one submission cannot fill the database.
 */
import * as z from "zod";
import { AgencyIdInput, FiscalYearInput, optionalParam, SlugInput } from "../schemas/common.ts";
import {
  COMPLAINT_OUTCOME_KEYS,
  COMPLAINT_STATE_KEYS,
  COMPLAINT_SUBJECT_KEYS,
} from "./complaint.ts";
import { FORWARD_TARGET_KEYS } from "./forwarding.ts";
import {
  type Bilingual,
  COMPLAINT_FIELD_LABELS as L,
  complaintMessage,
  invalidMessage,
  maxLengthMessage,
  minLengthMessage,
  requiredMessage,
} from "./messages.ts";
import { normalizeReceiptCode } from "./receipt-code.ts";

export const COMPLAINT_TEXT_MAX = 10_000;
export const COMPLAINT_MESSAGE_MAX = 5_000;

const text = (label: Bilingual, min: number, max: number) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined || issue.input === null
          ? requiredMessage(label)
          : invalidMessage(label),
    })
    .trim()
    .min(min, { error: min <= 1 ? requiredMessage(label) : minLengthMessage(label, min) })
    .max(max, { error: maxLengthMessage(label, max) });

export const ComplaintSubjectInput = z.enum(COMPLAINT_SUBJECT_KEYS, {
  error: complaintMessage("subjectRequired"),
});

/** A token the form carries so a double submission files one complaint, not two. */
export const FormTokenInput = z
  .string({ error: complaintMessage("formExpired") })
  .regex(/^[A-Za-z0-9_-]{32,128}$/, { error: complaintMessage("formExpired") });

export const ComplainantIdentityInput = z.object({
  name: text(L.name, 2, 200),
  phone: optionalParam(
    z
      .string()
      .trim()
      .regex(/^[0-9+\-\s()]{6,20}$/, { error: complaintMessage("phoneInvalid") }),
  ),
  email: optionalParam(z.email({ error: complaintMessage("emailInvalid") }).max(200)),
  /** The complainant's consent to pass their identity on if the case is forwarded. */
  consentToForward: z.boolean().default(false),
});

export const FileComplaintInput = z.object({
  agencyId: AgencyIdInput,
  subject: ComplaintSubjectInput,
  /** What happened, in the complainant's words. */
  description: text(L.description, 20, COMPLAINT_TEXT_MAX),
  /** Who was involved (names, positions), when and where; each optional. */
  involved: optionalParam(text(L.involved, 1, 2_000)),
  occurredWhen: optionalParam(text(L.occurredWhen, 1, 200)),
  occurredWhere: optionalParam(text(L.occurredWhere, 1, 500)),
  /** Absent = anonymous, the default. */
  identity: ComplainantIdentityInput.optional(),
  formToken: FormTokenInput,
  /**
   * Proof of work (ADR 0024): the challenge issued with the final step, and its
   * solution unless the browser runs no JavaScript. Checked by the use case.
   */
  proof: z
    .object({
      challenge: z.string().max(4_000),
      solution: optionalParam(z.string().max(1_000)),
    })
    .optional(),
});
export type FileComplaintInput = z.input<typeof FileComplaintInput>;

export const ReceiptCodeInput = z
  .string({ error: complaintMessage("codeRequired") })
  .max(100, { error: complaintMessage("codeInvalid") })
  .transform((v, ctx) => {
    const code = normalizeReceiptCode(v);
    if (!code) {
      ctx.addIssue({ code: "custom", message: complaintMessage("codeInvalid") });
      return z.NEVER;
    }
    return code;
  });

export const TrackComplaintInput = z.object({ code: ReceiptCodeInput });

export const ComplainantMessageInput = z.object({
  code: ReceiptCodeInput,
  body: text(L.message, 1, COMPLAINT_MESSAGE_MAX),
});

export const ComplaintIdInput = z.uuid({ error: complaintMessage("complaintIdInvalid") });

export const ListComplaintsInput = z.object({
  agencyId: AgencyIdInput,
  state: optionalParam(z.enum(COMPLAINT_STATE_KEYS)),
  overdueOnly: z.boolean().default(false),
});

export const MoveComplaintInput = z.object({
  complaintId: ComplaintIdInput,
  to: z.enum(COMPLAINT_STATE_KEYS),
  outcome: optionalParam(z.enum(COMPLAINT_OUTCOME_KEYS)),
  /** Shown to the complainant with the new state. */
  note: optionalParam(text(L.note, 1, COMPLAINT_MESSAGE_MAX)),
});

export const OfficerMessageInput = z.object({
  complaintId: ComplaintIdInput,
  body: text(L.message, 1, COMPLAINT_MESSAGE_MAX),
  /** Internal notes are never shown to the complainant. */
  internal: z.boolean().default(false),
});

export const RevealIdentityInput = z.object({
  complaintId: ComplaintIdInput,
  reason: text(L.revealReason, 10, 1_000),
});

/**
 * Forwarding (ADR 0027): to an agency found by its slug, or to the NACC with the number of
 * the letter sent there. The reason is for officers (ours and the receiving agency's).
 */
export const ForwardComplaintInput = z
  .object({
    complaintId: ComplaintIdInput,
    target: z.enum(FORWARD_TARGET_KEYS, { error: complaintMessage("forwardTargetRequired") }),
    agencySlug: optionalParam(
      z
        .string({ error: complaintMessage("forwardAgencyRequired") })
        .trim()
        .max(100),
    ),
    letterNumber: optionalParam(text(L.letterNumber, 1, 100)),
    reason: text(L.forwardReason, 10, 1_000),
    /** Pass the identity on: only when the complainant consented (checked by the use case). */
    includeIdentity: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.target === "agency" && !v.agencySlug)
      ctx.addIssue({
        code: "custom",
        path: ["agencySlug"],
        message: complaintMessage("forwardAgencyRequired"),
      });
    if (v.target === "nacc" && !v.letterNumber)
      ctx.addIssue({
        code: "custom",
        path: ["letterNumber"],
        message: requiredMessage(L.letterNumber),
      });
  });
export type ForwardComplaintInput = z.input<typeof ForwardComplaintInput>;

export const AssignComplaintInput = z.object({
  complaintId: ComplaintIdInput,
  assigneeId: z.uuid({ error: complaintMessage("assigneeRequired") }).nullable(),
});

export const FindComplaintAgencyInput = z.object({
  q: text(L.agencyName, 2, 100),
});

export const ComplaintStatisticsInput = z.object({
  slug: SlugInput,
  fiscalYear: FiscalYearInput,
});
