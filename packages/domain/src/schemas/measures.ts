/** Inputs of the year's integrity measures (docs/domain.md §9): weak points, measures, progress, publishing. */
import * as z from "zod";
import { bilingual } from "../errors.ts";
import {
  MEASURE_STATUSES,
  QUESTION_CODE_PATTERN,
  WEAK_POINT_SOURCES,
  type WeakPointSource,
} from "../measures.ts";
import { INDICATOR_COUNT } from "../results.ts";
import { fromThaiDigits } from "../thai-date.ts";
import { isIsoDate } from "../working-days.ts";
import { FiscalYearInput, ScoreInput, thaiRequired } from "./common.ts";

export const MeasureIdInput = z.uuid(thaiRequired("มาตรการ", "รหัสมาตรการไม่ถูกต้อง"));
export const ProgressIdInput = z.uuid(
  thaiRequired("รายงานความก้าวหน้า", "รหัสรายงานความก้าวหน้าไม่ถูกต้อง"),
);

const text = (label: string, labelEn: string, max: number) =>
  z
    .string(thaiRequired(label))
    .trim()
    .min(1, { error: bilingual(`กรุณากรอก${label}`, `Enter the ${labelEn}.`) })
    .max(max, {
      error: bilingual(`${label}ยาวเกิน ${max} ตัวอักษร`, `The ${labelEn} is over ${max} characters.`),
    });

const DateField = (label: string, labelEn: string) =>
  z.string(thaiRequired(label)).refine(isIsoDate, {
    error: bilingual(`${label}ไม่ใช่วันที่ที่ถูกต้อง`, `The ${labelEn} is not a valid date.`),
  });

export const MeasuresYearInput = z.object({ fiscalYear: FiscalYearInput });

export const PrefillWeakPointsInput = MeasuresYearInput.extend({
  threshold: ScoreInput.optional(),
});

/** A weak point and its measure, as the editor writes them. */
const MeasureObject = z.object({
  source: z.enum(WEAK_POINT_SOURCES, {
    error: bilingual("กรุณาเลือกว่าเป็นตัวชี้วัดหรือข้อคำถาม", "Choose indicator or question."),
  }),
  code: z
    .string(thaiRequired("รหัสตัวชี้วัดหรือข้อคำถาม"))
    .trim()
    .transform((v) => fromThaiDigits(v).toUpperCase()),
  score: ScoreInput.nullable(),
  finding: text("ผลการวิเคราะห์", "finding", 4000),
  measureTitle: text("ชื่อมาตรการ", "measure", 500),
  steps: z
    .array(text("ขั้นตอน", "step", 1000), { error: "ขั้นตอนไม่ถูกต้อง" })
    .min(1, { error: bilingual("กรุณากรอกขั้นตอนอย่างน้อย 1 ขั้นตอน", "Enter at least one step.") })
    .max(30, { error: bilingual("ขั้นตอนมากเกิน 30 ขั้นตอน", "No more than 30 steps.") }),
  startDate: DateField("วันเริ่มต้น", "start date"),
  endDate: DateField("วันสิ้นสุด", "end date"),
  responsibleUnit: text("ผู้รับผิดชอบ", "responsible unit", 500),
  monitoring: text("การกำกับติดตามและการรายงานผล", "monitoring and reporting", 2000),
});

function checkMeasure(
  v: z.infer<typeof MeasureObject>,
  ctx: { addIssue: (issue: z.core.$ZodRawIssue) => void },
) {
  if (!validCode(v.source, v.code))
    ctx.addIssue({
      code: "custom",
      path: ["code"],
      input: v.code,
      message:
        v.source === "indicator"
          ? bilingual(
              `ตัวชี้วัดต้องเป็นเลข 1–${INDICATOR_COUNT}`,
              `An indicator is 1 to ${INDICATOR_COUNT}.`,
            )
          : bilingual("ข้อคำถามต้องเป็นรูปแบบเช่น I10 หรือ E4", "A question looks like I10 or E4."),
    });
  if (isIsoDate(v.startDate) && isIsoDate(v.endDate) && v.endDate < v.startDate)
    ctx.addIssue({
      code: "custom",
      path: ["endDate"],
      input: v.endDate,
      message: bilingual("วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น", "The end date is before the start date."),
    });
}

function validCode(source: WeakPointSource, code: string): boolean {
  if (source === "question") return QUESTION_CODE_PATTERN.test(code);
  const n = Number(code);
  return /^[0-9]{1,2}$/.test(code) && n >= 1 && n <= INDICATOR_COUNT;
}

export const MeasureFields = MeasureObject.superRefine(checkMeasure);
export type MeasureFieldsValue = z.infer<typeof MeasureFields>;
export const AddMeasureInput = MeasureObject.extend(MeasuresYearInput.shape).superRefine(
  checkMeasure,
);
export type AddMeasureInput = z.infer<typeof AddMeasureInput>;

/** A progress update, as added and as edited: one schema, so both are checked alike. */
export const AddProgressInput = z.object({
  date: DateField("วันที่รายงาน", "report date"),
  status: z.enum(MEASURE_STATUSES, {
    error: bilingual("กรุณาเลือกสถานะ", "Choose a status."),
  }),
  text: text("ผลการดำเนินการ", "progress", 4000),
});

export const UpdateProgressInput = AddProgressInput;

export const CreateMeasuresDraftInput = MeasuresYearInput.extend({
  part: z.enum(["measures", "implementation"], {
    error: bilingual("กรุณาเลือกเอกสารที่จะจัดทำ", "Choose which document to make."),
  }),
});
