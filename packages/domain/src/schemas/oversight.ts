/** Inputs of the province's oversight: review plan, readiness matrix, reviews, exports. */
import * as z from "zod";
import { AGENCY_TYPES } from "../agency-types.ts";
import { READINESS_MAX_PAGE_SIZE, REVIEW_VERDICTS } from "../readiness.ts";
import { MAX_REVIEW_ROUNDS } from "../review-plan.ts";
import { isIsoDate } from "../working-days.ts";
import { IdInput } from "./admin.ts";
import { FiscalYearInput, ItemCodeInput, optionalParam, thaiRequired } from "./common.ts";

export const ReviewRoundIdInput = IdInput("รอบการตรวจ");

/** A round's content; the province and year come from the procedure (or the stored round). */
export const ReviewRoundFields = z.object({
  number: z.coerce
    .number(thaiRequired("ครั้งที่", "ครั้งที่ต้องเป็นตัวเลข"))
    .int({ error: "ครั้งที่ต้องเป็นจำนวนเต็ม" })
    .min(1, { error: `ครั้งที่ต้องเป็นเลข 1–${MAX_REVIEW_ROUNDS}` })
    .max(MAX_REVIEW_ROUNDS, { error: `ครั้งที่ต้องเป็นเลข 1–${MAX_REVIEW_ROUNDS}` }),
  titleTh: z
    .string(thaiRequired("ชื่อรอบ"))
    .trim()
    .min(1, { error: "กรุณากรอกชื่อรอบ" })
    .max(200, { error: "ชื่อรอบยาวได้ไม่เกิน 200 ตัวอักษร" }),
  deadline: z.string(thaiRequired("กำหนดส่ง")).refine(isIsoDate, { error: "กำหนดส่งไม่ใช่วันที่ที่ถูกต้อง" }),
  itemCodes: z.array(ItemCodeInput).max(200),
});

export const CreateReviewRoundInput = ReviewRoundFields.extend({ fiscalYear: FiscalYearInput });

/** Copy the year before's plan into `fiscalYear` (the province comes from the procedure). */
export const CopyReviewPlanInput = z.object({ fiscalYear: FiscalYearInput });

export const ReadinessInput = z.object({
  fiscalYear: FiscalYearInput,
  /** Only this round's items; all the year's items without it. */
  roundId: optionalParam(ReviewRoundIdInput),
  districtId: optionalParam(IdInput("อำเภอ")),
  agencyType: optionalParam(z.enum(AGENCY_TYPES, { error: "ประเภทหน่วยงานไม่ถูกต้อง" })),
  /** 1-based page of agencies, furthest behind first over all of them. */
  page: optionalParam(z.coerce.number().int({ error: "หน้าต้องเป็นจำนวนเต็ม" }).min(1).max(100_000)),
  pageSize: optionalParam(
    z.coerce
      .number()
      .int({ error: "จำนวนต่อหน้าต้องเป็นจำนวนเต็ม" })
      .min(1)
      .max(READINESS_MAX_PAGE_SIZE, {
        error: `แสดงได้ไม่เกิน ${READINESS_MAX_PAGE_SIZE} หน่วยงานต่อหน้า`,
      }),
  ),
});

export const AgencyReviewInput = z.object({ fiscalYear: FiscalYearInput });

export const ReviewItemInput = z
  .object({
    fiscalYear: FiscalYearInput,
    itemCode: ItemCodeInput,
    verdict: z.enum(REVIEW_VERDICTS, { error: "กรุณาเลือกผลการตรวจ (ผ่าน หรือ ต้องแก้ไข)" }),
    comment: z
      .string()
      .trim()
      .max(2000, { error: "ความเห็นยาวได้ไม่เกิน 2,000 ตัวอักษร" })
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
  .refine((v) => v.verdict !== "needs-fix" || v.comment, {
    path: ["comment"],
    error: "กรุณาบอกสิ่งที่ต้องแก้ไข",
    params: { en: "Say what needs fixing" },
  });

export const EXPORT_FORMATS = ["xlsx", "csv"] as const;
export const ExportRoundInput = z.object({
  format: z.enum(EXPORT_FORMATS, { error: "รูปแบบไฟล์ต้องเป็น xlsx หรือ csv" }),
});
