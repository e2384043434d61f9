/** Inputs of the portal's open data, feeds and file downloads. */
import * as z from "zod";
import { FiscalYearInput, optionalParam, SlugInput, thaiRequired } from "./common.ts";

export const AttachmentIdInput = z.object({
  id: z.uuid(thaiRequired("ไฟล์แนบ", "รหัสไฟล์แนบไม่ถูกต้อง")),
});
export type AttachmentIdInput = z.infer<typeof AttachmentIdInput>;

/** One agency's public disclosures, of one fiscal year or all years. */
export const OpenDisclosuresInput = z.object({
  slug: SlugInput,
  fiscalYear: optionalParam(FiscalYearInput),
});
export type OpenDisclosuresInput = z.infer<typeof OpenDisclosuresInput>;

/** Every agency's published ITA results, of one fiscal year or all years. */
export const OpenResultsInput = z
  .object({ fiscalYear: optionalParam(FiscalYearInput) })
  .optional()
  .default({});
export type OpenResultsInput = z.infer<typeof OpenResultsInput>;

export const FEED_MAX_ENTRIES = 100;

/** The newest publications, site-wide or of one agency. */
export const FeedInput = z.object({
  slug: optionalParam(SlugInput),
  limit: z.coerce
    .number({ error: "จำนวนรายการต้องเป็นตัวเลข" })
    .int({ error: "จำนวนรายการต้องเป็นจำนวนเต็ม" })
    .min(1, { error: "จำนวนรายการต้องอย่างน้อย 1" })
    .max(FEED_MAX_ENTRIES, { error: `จำนวนรายการต้องไม่เกิน ${FEED_MAX_ENTRIES}` })
    .default(30),
});
export type FeedInput = z.infer<typeof FeedInput>;
