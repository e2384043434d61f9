/**
 * An agency's own complaint channels besides the online form (OIT item "complaint
 * channel"), as structured data in its profile. Each is optional.
 */
import * as z from "zod";
import { PhoneInput } from "../schemas/common.ts";

export interface ComplaintChannels {
  phone?: string | null;
  email?: string | null;
  postalAddress?: string | null;
  walkInOffice?: string | null;
  walkInHours?: string | null;
  lineId?: string | null;
  webFormUrl?: string | null;
}

const optional = (max: number, label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
    z
      .string()
      .trim()
      .max(max, { error: `${label}ยาวเกิน ${max} ตัวอักษร` })
      .nullish(),
  );

export const ComplaintChannelsInput = z.object({
  phone: PhoneInput,
  email: z.preprocess(
    (v) => (v === "" ? null : v),
    z.email({ error: "อีเมลรับเรื่องร้องเรียนไม่ถูกต้อง" }).max(200).nullish(),
  ),
  postalAddress: optional(1000, "ที่อยู่สำหรับส่งจดหมาย"),
  walkInOffice: optional(300, "สถานที่รับเรื่องด้วยตนเอง"),
  walkInHours: optional(200, "วันเวลาทำการ"),
  lineId: optional(100, "LINE Official Account"),
  webFormUrl: z.preprocess(
    (v) => (v === "" ? null : v),
    z.url({ protocol: /^https?$/, error: "ที่อยู่เว็บต้องขึ้นต้นด้วย http:// หรือ https://" }).nullish(),
  ),
});

export const COMPLAINT_CHANNEL_LABELS = {
  // Worded apart from the profile's general contact fields, so no two labels read alike.
  phone: { th: "สายรับเรื่องร้องเรียน", en: "Complaint hotline" },
  email: { th: "อีเมลรับเรื่องร้องเรียน", en: "Complaints by email" },
  postalAddress: { th: "ส่งจดหมายถึง", en: "By post" },
  walkInOffice: { th: "ยื่นเรื่องด้วยตนเอง", en: "In person" },
  walkInHours: { th: "วันเวลาทำการ", en: "Opening hours" },
  lineId: { th: "LINE Official Account", en: "LINE Official Account" },
  webFormUrl: { th: "แบบฟอร์มบนเว็บไซต์ของหน่วยงาน", en: "The agency's own web form" },
} as const satisfies Record<keyof ComplaintChannels, { th: string; en: string }>;
