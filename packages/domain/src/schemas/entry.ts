/** Inputs of the admin app's disclosure entries and assessment results. */
import * as z from "zod";
import {
  AgencyIdInput,
  FiscalYearInput,
  ItemCodeInput,
  ScoreInput,
  thaiRequired,
} from "./common.ts";

export const ENTRY_MAX_LINKS = 20;

export const LinkInput = z.object({
  // Public agency sites have domain names; localhost, IPs and javascript: are refused.
  url: z
    .url({
      protocol: /^https?$/,
      hostname: z.regexes.domain,
      ...thaiRequired(
        "ลิงก์",
        "ลิงก์ต้องเป็นที่อยู่เว็บที่ขึ้นต้นด้วย http:// หรือ https:// เช่น https://www.example.go.th/news",
      ),
    })
    .max(2000, { error: "ลิงก์ยาวเกินไป" }),
  label: z.string().trim().max(200, { error: "ชื่อลิงก์ยาวเกิน 200 ตัวอักษร" }).optional(),
});
export type LinkInput = z.infer<typeof LinkInput>;

export const EntryDraftInput = z.object({
  agencyId: AgencyIdInput,
  fiscalYear: FiscalYearInput,
  itemCode: ItemCodeInput,
  title: z
    .string(thaiRequired("ชื่อเรื่อง"))
    .trim()
    .min(1, { error: "กรุณากรอกชื่อเรื่อง" })
    .max(500, { error: "ชื่อเรื่องยาวเกิน 500 ตัวอักษร" }),
  description: z.string().trim().max(50_000, { error: "รายละเอียดยาวเกิน 50,000 ตัวอักษร" }).optional(),
  links: z
    .array(LinkInput, { error: "รายการลิงก์ไม่ถูกต้อง" })
    .max(ENTRY_MAX_LINKS, { error: `แนบลิงก์ได้ไม่เกิน ${ENTRY_MAX_LINKS} รายการ` })
    .default([]),
  /**
   * The month (1–12, 1 = October) or quarter (1–4) an entry of a monthly or quarterly
   * item reports; when left out it is read from the title ("ประจำเดือนตุลาคม 2567").
   */
  period: z
    .number({ error: "กรุณาเลือกเดือนหรือไตรมาสที่รายงาน" })
    .int({ error: "กรุณาเลือกเดือนหรือไตรมาสที่รายงาน" })
    .min(1, { error: "กรุณาเลือกเดือนหรือไตรมาสที่รายงาน" })
    .max(12, { error: "กรุณาเลือกเดือนหรือไตรมาสที่รายงาน" })
    .nullish(),
});
export type EntryDraftInput = z.infer<typeof EntryDraftInput>;

/** NACC's published result for one agency and year; instrument scores may be unknown. */
export const ResultInput = z.object({
  agencyId: AgencyIdInput,
  fiscalYear: FiscalYearInput,
  iit: ScoreInput.nullish(),
  eit: ScoreInput.nullish(),
  oit: ScoreInput.nullish(),
  total: ScoreInput,
});
export type ResultInput = z.infer<typeof ResultInput>;
