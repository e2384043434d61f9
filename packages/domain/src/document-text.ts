/**
 * Where a stored file's text stands. `reading`: queued for OCR (the job queue's
 * `document-text` task); `ocr`: the text, or part of it, was read from page images and
 * may contain mistakes, which search results say.
 */
export const TEXT_STATES = ["read", "reading", "none", "ocr"] as const;
export type TextState = (typeof TEXT_STATES)[number];

export const TEXT_STATE_LABELS: Record<TextState, { th: string; en: string }> = {
  read: { th: "อ่านข้อความแล้ว", en: "Text read" },
  reading: { th: "กำลังอ่านข้อความ (OCR)", en: "Reading text (OCR)" },
  none: { th: "ไม่มีข้อความ", en: "No text" },
  ocr: { th: "อ่านด้วย OCR", en: "Read by OCR" },
};
