import { formatThaiDate } from "@ita/domain/thai-date";
import { i18n } from "./i18n.svelte.ts";

export function formatDate(date: Date | string | null | undefined, withTime = false): string {
  if (!date) return "–";
  return formatThaiDate(date, { style: "short", withTime, lang: i18n.lang });
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
