/** Inputs of the admin app: workflow, checklist, agency profile, users, two-factor, audit. */
import * as z from "zod";
import { ComplaintChannelsInput } from "../complaints/channels.ts";
import { ComplaintDeadlineSettingsInput } from "../complaints/deadlines.ts";
import { EmailInput, NewPasswordInput } from "./auth.ts";
import {
  AgencyIdInput,
  FiscalYearInput,
  ItemCodeInput,
  optionalParam,
  PhoneInput,
  thaiRequired,
} from "./common.ts";
import { EntryDraftInput } from "./entry.ts";
import { AGENCY_ROLES } from "../roles.ts";

export const IdInput = (label: string) => z.uuid(thaiRequired(label, `รหัส${label}ไม่ถูกต้อง`));

/** Saving an entry's content; a published entry gets a new version instead. */
export const SaveEntryInput = EntryDraftInput.pick({
  title: true,
  description: true,
  links: true,
  period: true,
}).extend({
  entryId: IdInput("รายการ"),
});
export type SaveEntryInput = z.infer<typeof SaveEntryInput>;

export const SubmitEntryInput = z.object({
  entryId: IdInput("รายการ"),
  comment: z.string().trim().max(2000, { error: "ความเห็นยาวเกิน 2,000 ตัวอักษร" }).optional(),
});

/** Taking a submission back before review (ถอนกลับ): no reason asked, the history records who and when. */
export const WithdrawSubmissionInput = z.object({ entryId: IdInput("รายการ") });

/** Returning needs a comment: the clerk must know what to fix. */
export const ReturnEntryInput = z.object({
  entryId: IdInput("รายการ"),
  comment: z
    .string(thaiRequired("ความเห็น"))
    .trim()
    .min(1, { error: "กรุณาระบุสิ่งที่ต้องแก้ไข" })
    .max(2000, { error: "ความเห็นยาวเกิน 2,000 ตัวอักษร" }),
});

export const ApproveEntryInput = z.object({
  entryId: IdInput("รายการ"),
  /** Scheduled publication: the public sees the entry from this moment on. */
  publishAt: optionalParam(z.coerce.date({ error: "วันที่เผยแพร่ไม่ถูกต้อง" })),
  comment: z.string().trim().max(2000, { error: "ความเห็นยาวเกิน 2,000 ตัวอักษร" }).optional(),
});

export const UnpublishEntryInput = z.object({
  entryId: IdInput("รายการ"),
  reason: z
    .string(thaiRequired("เหตุผล"))
    .trim()
    .min(1, { error: "กรุณาระบุเหตุผลที่ยกเลิกการเผยแพร่ (ประชาชนจะเห็นข้อความนี้)" })
    .max(1000, { error: "เหตุผลยาวเกิน 1,000 ตัวอักษร" }),
});

export const AgencyYearInput = z.object({ agencyId: AgencyIdInput, fiscalYear: FiscalYearInput });

export const ItemRefInput = AgencyYearInput.extend({ itemCode: ItemCodeInput });

/** At most a year of monthly entries, each with the files to use again. */
export const COPY_MAX_ENTRIES = 24;

/**
 * Copying last year's entries of an item as this year's drafts: which entries, and for
 * each which of its files to use again. Without `sources`, last year's latest public entry.
 */
export const CopyFromLastYearInput = ItemRefInput.extend({
  sources: z
    .array(
      z.object({
        entryId: IdInput("รายการของปีก่อน"),
        attachmentIds: z
          .array(IdInput("ไฟล์แนบ"))
          .max(50, { error: "เลือกไฟล์ได้ไม่เกิน 50 ไฟล์ต่อรายการ" })
          .default([]),
      }),
      { error: "กรุณาเลือกรายการที่จะคัดลอก" },
    )
    .min(1, { error: "กรุณาเลือกอย่างน้อยหนึ่งรายการ" })
    .max(COPY_MAX_ENTRIES, { error: `คัดลอกได้ครั้งละไม่เกิน ${COPY_MAX_ENTRIES} รายการ` })
    .optional(),
});

export const ListEntriesInput = AgencyYearInput.extend({ itemCode: optionalParam(ItemCodeInput) });

export const ChecklistInput = AgencyYearInput.extend({
  /** Only what is left: missing, draft, waiting or returned items. */
  onlyLeft: z.boolean().default(false),
});

export const AttachmentRefInput = z.object({ attachmentId: IdInput("ไฟล์แนบ") });

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label}ยาวเกิน ${max} ตัวอักษร` })
    .transform((v) => (v === "" ? null : v))
    .nullish();

const WebUrl = z.url({
  protocol: /^https?$/,
  hostname: z.regexes.domain,
  error: "ที่อยู่เว็บต้องขึ้นต้นด้วย http:// หรือ https://",
});

export const AgencyProfileInput = z.object({
  agencyId: AgencyIdInput,
  nameTh: z
    .string(thaiRequired("ชื่อหน่วยงาน"))
    .trim()
    .min(1, { error: "กรุณากรอกชื่อหน่วยงาน" })
    .max(300),
  nameEn: optionalText(300, "ชื่อภาษาอังกฤษ"),
  address: optionalText(1000, "ที่อยู่"),
  phone: PhoneInput,
  email: z.preprocess((v) => (v === "" ? null : v), EmailInput.nullish()),
  website: z.preprocess((v) => (v === "" ? null : v), WebUrl.nullish()),
  socialLinks: z
    .array(
      z.object({
        label: z.string().trim().min(1, { error: "กรุณาระบุชื่อช่องทาง" }).max(100),
        url: WebUrl,
      }),
    )
    .max(20, { error: "ระบุช่องทางได้ไม่เกิน 20 รายการ" })
    .default([]),
  complaintChannels: ComplaintChannelsInput.default({}),
  // Optional: a profile saved without them keeps the stored deadlines (checked together
  // with the stored one when only one is given).
  complaintAcknowledgeWorkingDays:
    ComplaintDeadlineSettingsInput.shape.complaintAcknowledgeWorkingDays.optional(),
  complaintDecideWorkingDays:
    ComplaintDeadlineSettingsInput.shape.complaintDecideWorkingDays.optional(),
  executives: z
    .array(
      z.object({
        name: z.string().trim().min(1, { error: "กรุณากรอกชื่อผู้บริหาร" }).max(200),
        positionTh: z.string().trim().min(1, { error: "กรุณากรอกตำแหน่ง" }).max(200),
      }),
    )
    .max(50)
    .default([]),
});
export type AgencyProfileInput = z.infer<typeof AgencyProfileInput>;

export const AgencyRoleInput = z.enum(AGENCY_ROLES, { error: "บทบาทไม่ถูกต้อง" });

export const InviteUserInput = z.object({
  agencyId: AgencyIdInput,
  email: EmailInput,
  displayName: z
    .string(thaiRequired("ชื่อ-นามสกุล"))
    .trim()
    .min(1, { error: "กรุณากรอกชื่อ-นามสกุล" })
    .max(200),
  roles: z.array(AgencyRoleInput).min(1, { error: "กรุณาเลือกบทบาทอย่างน้อยหนึ่งบทบาท" }),
});

export const SetUserRolesInput = z.object({
  agencyId: AgencyIdInput,
  userId: IdInput("ผู้ใช้"),
  roles: z.array(AgencyRoleInput),
});

export const AgencyUserInput = z.object({ agencyId: AgencyIdInput, userId: IdInput("ผู้ใช้") });

/** A second administrator's answer to role grants waiting for confirmation (four-eyes on grants). */
export const RoleGrantAnswerInput = AgencyUserInput.extend({
  confirm: z.boolean({ error: "กรุณาเลือกยืนยันหรือปฏิเสธการให้บทบาท" }),
});

/** The signed-in account holder's answer to an agency's invitation (roles offered to an existing account). */
export const InvitationAnswerInput = z.object({
  agencyId: AgencyIdInput,
  accept: z.boolean({ error: "กรุณาเลือกตอบรับหรือปฏิเสธคำเชิญ" }),
});

/** A six-digit authenticator code or a recovery code (letters and digits, dashes allowed). */
export const TwoFactorCodeInput = z.object({
  code: z
    .string(thaiRequired("รหัสยืนยัน"))
    .trim()
    .min(6, { error: "รหัสยืนยันต้องมี 6 หลัก" })
    .max(40, { error: "รหัสยืนยันยาวเกินไป" }),
});

export const ChangePasswordInput = z.object({
  currentPassword: z
    .string(thaiRequired("รหัสผ่านปัจจุบัน"))
    .min(1, { error: "กรุณากรอกรหัสผ่านปัจจุบัน" })
    .max(256),
  newPassword: NewPasswordInput,
});

export const OneTimeTokenInput = z.object({
  token: z
    .string(thaiRequired("ลิงก์"))
    .trim()
    .regex(/^[a-z2-7]{32}$/, { error: "ลิงก์ไม่ถูกต้องหรือหมดอายุ" }),
});

export const RedeemTokenInput = OneTimeTokenInput.extend({ password: NewPasswordInput });

export const SessionRefInput = z.object({
  sessionId: z.string().regex(/^[a-z2-7]{24}$/, { error: "รหัสเซสชันไม่ถูกต้อง" }),
});

export const AuditQueryInput = z.object({
  /** Required for agency administrators; system administrators may leave it out. */
  agencyId: optionalParam(AgencyIdInput),
  action: optionalParam(z.string().trim().max(100)),
  actor: optionalParam(z.string().trim().max(254)),
  from: optionalParam(z.coerce.date({ error: "วันที่ไม่ถูกต้อง" })),
  to: optionalParam(z.coerce.date({ error: "วันที่ไม่ถูกต้อง" })),
  /** Id of the last row seen (newest first). */
  before: optionalParam(z.coerce.number().int().positive()),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
