/**
 * When an approved version goes public (docs/adr, "Published content safeguards").
 * The public date is the moment an entry became public, so it is never set in the past;
 * scheduling is forward only and at most a year ahead (one assessment cycle): a date
 * further out is almost always a typo of the year, and it would hide the work from the
 * assessment it was made for.
 */

/** How far ahead an approver may schedule a publication. */
export const MAX_SCHEDULE_DAYS = 366;

/**
 * A chosen time this close to now is "now": the admin form has minute precision and the
 * approver may take a while to press the button.
 */
export const PUBLISH_NOW_TOLERANCE_MS = 10 * 60_000;

export const PUBLISH_AT_MESSAGES = {
  past: {
    th: "วันที่เผยแพร่ต้องไม่ย้อนหลัง วันที่เผยแพร่คือวันที่ประชาชนเห็นข้อมูลจริง เว้นว่างไว้เพื่อเผยแพร่ทันที",
    en: "The publication date cannot be in the past: it is the day the public actually sees the entry. Leave it empty to publish now.",
  },
  tooFar: {
    th: `ตั้งเวลาเผยแพร่ล่วงหน้าได้ไม่เกิน ${MAX_SCHEDULE_DAYS} วัน โปรดตรวจสอบปี พ.ศ. ที่เลือก`,
    en: `A publication can be scheduled at most ${MAX_SCHEDULE_DAYS} days ahead. Check the year you chose.`,
  },
} as const;

export type SchedulePublication =
  { ok: true; at: Date | null } | { ok: false; reason: keyof typeof PUBLISH_AT_MESSAGES };

/** `at: null` means publish now; otherwise the (future) moment the public sees it. */
export function schedulePublication(
  publishAt: Date | null | undefined,
  now: Date,
): SchedulePublication {
  if (!publishAt) return { ok: true, at: null };
  const ahead = publishAt.getTime() - now.getTime();
  if (ahead < -PUBLISH_NOW_TOLERANCE_MS) return { ok: false, reason: "past" };
  if (ahead <= 0) return { ok: true, at: null };
  if (ahead > MAX_SCHEDULE_DAYS * 86_400_000) return { ok: false, reason: "tooFar" };
  return { ok: true, at: publishAt };
}
