/** Inputs of the public portal's pages and search. */
import * as z from "zod";
import {
  CategoryInput,
  FiscalYearInput,
  ItemCodeInput,
  optionalParam,
  SlugInput,
  thaiRequired,
} from "./common.ts";

/** A public page addressed by its slug alone (an agency's profile, a province). */
export const SlugRefInput = z.object({ slug: SlugInput });
export type SlugRefInput = z.infer<typeof SlugRefInput>;

export const AgencyPageInput = z.object({
  slug: SlugInput,
  /** Absent: the current fiscal year. */
  fiscalYear: optionalParam(FiscalYearInput),
});
export type AgencyPageInput = z.infer<typeof AgencyPageInput>;

export const ItemPageInput = z.object({
  slug: SlugInput,
  fiscalYear: FiscalYearInput,
  itemCode: ItemCodeInput,
});
export type ItemPageInput = z.infer<typeof ItemPageInput>;

/**
 * Words a search uses: every one is one more LIKE on every candidate row, and a pasted
 * paragraph would make a search the server cannot finish. A longer query is searched by
 * its first words, and the page says so.
 */
export const SEARCH_MAX_TERMS = 8;
/** Characters a search may have: the search fields' `maxlength` and the input's limit. */
export const SEARCH_MAX_LENGTH = 200;
/** Results per search page. */
export const SEARCH_PAGE_SIZE = 20;
/**
 * How deep a search may page: the first 500 results. Each page reads every row before
 * it, and on the embedded database nothing can cancel a query, so the window is bounded
 * rather than timed (docs/adr, "Published content safeguards").
 */
export const SEARCH_MAX_RESULTS = 500;
export const SEARCH_MAX_PAGE = SEARCH_MAX_RESULTS / SEARCH_PAGE_SIZE;

export const SearchInput = z.object({
  q: z
    .string(thaiRequired("คำค้นหา"))
    .trim()
    .min(1, { error: "กรุณากรอกคำค้นหา" })
    .max(SEARCH_MAX_LENGTH, {
      error: `คำค้นหายาวเกินไป (ไม่เกิน ${SEARCH_MAX_LENGTH} ตัวอักษร)`,
    }),
  /** Province and agency slugs. */
  province: optionalParam(SlugInput),
  agency: optionalParam(SlugInput),
  category: optionalParam(CategoryInput),
  item: optionalParam(ItemCodeInput),
  fiscalYear: optionalParam(FiscalYearInput),
  /** 1-based; absent or "" means 1. */
  page: optionalParam(
    z.coerce
      .number({ error: "หมายเลขหน้าต้องเป็นตัวเลข" })
      .int({ error: "หมายเลขหน้าต้องเป็นจำนวนเต็ม" })
      .min(1, { error: "หมายเลขหน้าต้องเริ่มที่ 1" })
      .max(SEARCH_MAX_PAGE, {
        error: `แสดงผลได้ไม่เกิน ${SEARCH_MAX_RESULTS} รายการแรก (${SEARCH_MAX_PAGE} หน้า) โปรดเพิ่มคำค้นหรือเลือกตัวกรองเพื่อจำกัดผลการค้นหา`,
      }),
  ).transform((p) => p ?? 1),
});
export type SearchInput = z.infer<typeof SearchInput>;
