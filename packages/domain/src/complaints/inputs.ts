/**
 * Input schemas for complaints. Limits are generous for a real account of events and
 * small enough that one submission cannot fill the database.
 */
import * as z from "zod";
import {
  AgencyIdInput,
  FiscalYearInput,
  optionalParam,
  SlugInput,
  thaiRequired,
} from "../schemas/common.ts";
import {
  COMPLAINT_OUTCOME_KEYS,
  COMPLAINT_STATE_KEYS,
  COMPLAINT_SUBJECT_KEYS,
} from "./complaint.ts";
import { normalizeReceiptCode } from "./receipt-code.ts";

export const COMPLAINT_TEXT_MAX = 10_000;
export const COMPLAINT_MESSAGE_MAX = 5_000;

const text = (label: string, min: number, max: number) =>
  z
    .string(thaiRequired(label))
    .trim()
    .min(min, { error: min <= 1 ? `กรุณากรอก${label}` : `${label}ต้องยาวอย่างน้อย ${min} ตัวอักษร` })
    .max(max, { error: `${label}ต้องยาวไม่เกิน ${max.toLocaleString("en-US")} ตัวอักษร` });

export const ComplaintSubjectInput = z.enum(COMPLAINT_SUBJECT_KEYS, {
  error: "กรุณาเลือกประเภทเรื่องร้องเรียน",
});

/** A token the form carries so a double submission files one complaint, not two. */
export const FormTokenInput = z
  .string({ error: "แบบฟอร์มหมดอายุ โปรดเริ่มใหม่" })
  .regex(/^[A-Za-z0-9_-]{32,128}$/, { error: "แบบฟอร์มหมดอายุ โปรดเริ่มใหม่" });

export const ComplainantIdentityInput = z.object({
  name: text("ชื่อ-นามสกุล", 2, 200),
  phone: optionalParam(
    z
      .string()
      .trim()
      .regex(/^[0-9+\-\s()]{6,20}$/, { error: "หมายเลขโทรศัพท์ไม่ถูกต้อง เช่น 081 234 5678" }),
  ),
  email: optionalParam(z.email({ error: "อีเมลไม่ถูกต้อง เช่น name@example.com" }).max(200)),
  /** The complainant's consent to pass their identity on if the case is forwarded. */
  consentToForward: z.boolean().default(false),
});

export const FileComplaintInput = z.object({
  agencyId: AgencyIdInput,
  subject: ComplaintSubjectInput,
  /** What happened, in the complainant's words. */
  description: text("รายละเอียดเรื่องที่ร้องเรียน", 20, COMPLAINT_TEXT_MAX),
  /** Who was involved (names, positions), when and where; each optional. */
  involved: optionalParam(text("ผู้เกี่ยวข้อง", 1, 2_000)),
  occurredWhen: optionalParam(text("วันเวลาที่เกิดเหตุ", 1, 200)),
  occurredWhere: optionalParam(text("สถานที่เกิดเหตุ", 1, 500)),
  /** Absent = anonymous, the default. */
  identity: ComplainantIdentityInput.optional(),
  formToken: FormTokenInput,
});
export type FileComplaintInput = z.input<typeof FileComplaintInput>;

export const ReceiptCodeInput = z
  .string({ error: "กรุณากรอกรหัสติดตามเรื่อง" })
  .max(100, { error: "รหัสติดตามเรื่องไม่ถูกต้อง" })
  .transform((v, ctx) => {
    const code = normalizeReceiptCode(v);
    if (!code) {
      ctx.addIssue({ code: "custom", message: "รหัสติดตามเรื่องไม่ถูกต้อง" });
      return z.NEVER;
    }
    return code;
  });

export const TrackComplaintInput = z.object({ code: ReceiptCodeInput });

export const ComplainantMessageInput = z.object({
  code: ReceiptCodeInput,
  body: text("ข้อความ", 1, COMPLAINT_MESSAGE_MAX),
});

export const ComplaintIdInput = z.uuid({ error: "รหัสเรื่องร้องเรียนไม่ถูกต้อง" });

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
  note: optionalParam(text("ข้อความถึงผู้ร้อง", 1, COMPLAINT_MESSAGE_MAX)),
});

export const OfficerMessageInput = z.object({
  complaintId: ComplaintIdInput,
  body: text("ข้อความ", 1, COMPLAINT_MESSAGE_MAX),
  /** Internal notes are never shown to the complainant. */
  internal: z.boolean().default(false),
});

export const RevealIdentityInput = z.object({
  complaintId: ComplaintIdInput,
  reason: text("เหตุผลในการเปิดเผยตัวตนผู้ร้อง", 10, 1_000),
});

export const AssignComplaintInput = z.object({
  complaintId: ComplaintIdInput,
  assigneeId: z.uuid({ error: "กรุณาเลือกเจ้าหน้าที่" }).nullable(),
});

export const FindComplaintAgencyInput = z.object({
  q: text("ชื่อหน่วยงาน", 2, 100),
});

export const ComplaintStatisticsInput = z.object({
  slug: SlugInput,
  fiscalYear: FiscalYearInput,
});
