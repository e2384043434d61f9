/**
 * What the executives' quarterly access report counts (docs/domain.md §6): the one place
 * that names the kinds and labels them. The counters, the admin's statistics page and the
 * XLSX workbook all read from here.
 */
export const ACCESS_KINDS = ["page-view", "download", "search"] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];

export const ACCESS_KIND_LABELS: Record<AccessKind, { th: string; en: string }> = {
  "page-view": { th: "การเข้าชมหน้า", en: "Page views" },
  download: { th: "การดาวน์โหลดไฟล์", en: "File downloads" },
  search: { th: "การค้นหา", en: "Searches" },
};
