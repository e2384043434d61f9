/**
 * What the executives' quarterly access report counts (docs/domain.md §6): the one place
 * that names the kinds and labels them. The counters, the admin's statistics pages and the
 * XLSX and CSV files all read from here.
 */
export const ACCESS_KINDS = ["page-view", "download", "search"] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

/** Each kind's titles: Thai and English on pages and in the workbook, `csv` as a CSV column name. */
export const ACCESS_KIND_LABELS: Record<AccessKind, { th: string; en: string; csv: string }> = {
  "page-view": { th: "การเข้าชมหน้า", en: "Page views", csv: "page_views" },
  download: { th: "การดาวน์โหลดไฟล์", en: "File downloads", csv: "downloads" },
  search: { th: "การค้นหา", en: "Searches", csv: "searches" },
};
