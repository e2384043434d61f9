import type { Lang } from "./i18n.ts";

/** "1.2 MB" / "350 KB" in the page language's number format. */
export function formatFileSize(bytes: number, lang: Lang): string {
  const locale = lang === "th" ? "th-TH-u-nu-latn" : "en-GB";
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}

/** Short human name of a file type. */
export function fileKind(contentType: string): string {
  if (contentType === "application/pdf") return "PDF";
  if (contentType.startsWith("image/")) return contentType.slice(6).toUpperCase();
  if (contentType.includes("spreadsheet") || contentType.includes("excel")) return "Excel";
  if (contentType.includes("wordprocessing") || contentType.includes("msword")) return "Word";
  if (contentType.includes("presentation") || contentType.includes("powerpoint"))
    return "PowerPoint";
  if (contentType.startsWith("text/")) return "Text";
  if (contentType.includes("zip")) return "ZIP";
  return contentType;
}

/** Types the browser shows in the page: PDFs in a frame, images inline. */
export const isPdf = (contentType: string) => contentType === "application/pdf";
export const isPreviewableImage = (contentType: string) =>
  /^image\/(png|jpeg|gif|webp|avif)$/.test(contentType);
