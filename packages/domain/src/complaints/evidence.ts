import type { EvidenceWarning } from "./messages.ts";

/**
 * Evidence files a complainant may attach (issue #11): at most five, 10 MB each, of
 * five types detected from the bytes. Messages are Thai with English beside them; the
 * same rules hold when filing and when adding files to a message on the tracking page.
 */
export const EVIDENCE_MAX_FILES = 5;
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/** Accepted types (by detected MIME type) and how they are named to people. */
export const EVIDENCE_TYPES: Readonly<Record<string, string>> = {
  "application/pdf": "PDF",
  "image/jpeg": "JPEG",
  "image/png": "PNG",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word (DOCX)",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel (XLSX)",
};

/** What a complainant or an officer sees of a stored file (never its storage key). */
export interface EvidenceFileSummary {
  id: string;
  name: string;
  contentType: string;
  size: number;
  warnings: EvidenceWarning[];
}

/** "2.4 MB" / "310 KB": sizes as people read them. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
