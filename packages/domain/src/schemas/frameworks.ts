/** Inputs of the framework administration (system administrators; issue 8). */
import * as z from "zod";
import { AGENCY_TYPES } from "../agency-types.ts";
import { FrameworkHeaderRecord, FrameworkItemRecord } from "../frameworks/exchange.ts";
import { FiscalYearInput, ItemCodeInput, thaiRequired } from "./common.ts";

export const FrameworkIdInput = z.uuid(thaiRequired("เกณฑ์การประเมิน", "รหัสเกณฑ์ไม่ถูกต้อง"));

export const FrameworkListInput = z.object({
  fiscalYear: FiscalYearInput.optional(),
  agencyType: z.enum(AGENCY_TYPES).optional(),
});

export const FrameworkRefInput = z.object({ frameworkId: FrameworkIdInput });

export const CopyFrameworkInput = z.object({
  frameworkId: FrameworkIdInput,
  /** The new framework's year; the source's next year when absent. */
  fiscalYear: FiscalYearInput.optional(),
});

export const UpdateFrameworkInput = z.object({
  frameworkId: FrameworkIdInput,
  ...FrameworkHeaderRecord.pick({
    titleTh: true,
    titleEn: true,
    gradingScheme: true,
    agencyTypes: true,
  }).shape,
});

export const SaveFrameworkItemInput = z.object({
  frameworkId: FrameworkIdInput,
  /** The code of the item being edited; null adds a new item. */
  originalCode: ItemCodeInput.nullable(),
  item: FrameworkItemRecord,
});

export const RemoveFrameworkItemInput = z.object({
  frameworkId: FrameworkIdInput,
  code: ItemCodeInput,
});

export const FRAMEWORK_FILE_MAX_CHARS = 1_000_000;

export const ImportFrameworkInput = z.discriminatedUnion("format", [
  z.object({ format: z.literal("json"), text: z.string().max(FRAMEWORK_FILE_MAX_CHARS) }),
  z.object({
    format: z.literal("csv"),
    /** The framework whose items the CSV replaces. */
    frameworkId: FrameworkIdInput,
    text: z.string().max(FRAMEWORK_FILE_MAX_CHARS),
  }),
]);

export const ExportFrameworkInput = z.object({
  frameworkId: FrameworkIdInput,
  format: z.enum(["json", "csv"]),
});
