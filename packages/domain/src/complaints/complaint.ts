/**
 * Corruption complaints (ร้องเรียนการทุจริตและประพฤติมิชอบ): what a complaint can be
 * about, the states a case moves through and how it may end. Labels are Thai first.
 */
import { DomainError } from "../errors.ts";

export const COMPLAINT_SUBJECTS = {
  bribery: { th: "การเรียกรับสินบน", en: "Bribery" },
  procurement: { th: "การจัดซื้อจัดจ้าง", en: "Procurement" },
  "property-misuse": { th: "การใช้ทรัพย์สินของราชการโดยมิชอบ", en: "Misuse of government property" },
  "abuse-of-authority": { th: "การใช้อำนาจหน้าที่โดยมิชอบ", en: "Abuse of authority" },
  "conflict-of-interest": { th: "การขัดกันแห่งผลประโยชน์", en: "Conflict of interest" },
  gifts: { th: "การรับของขวัญหรือประโยชน์ (No Gift Policy)", en: "Gifts (No Gift Policy)" },
  "service-misconduct": { th: "การให้บริการโดยมิชอบ", en: "Service misconduct" },
  other: { th: "เรื่องอื่น ๆ", en: "Other" },
} as const satisfies Record<string, { th: string; en: string }>;

export type ComplaintSubject = keyof typeof COMPLAINT_SUBJECTS;
export const COMPLAINT_SUBJECT_KEYS = Object.keys(COMPLAINT_SUBJECTS) as [
  ComplaintSubject,
  ...ComplaintSubject[],
];

export const COMPLAINT_STATES = {
  received: { th: "ได้รับเรื่องแล้ว", en: "Received" },
  screening: { th: "กำลังตรวจสอบเบื้องต้น", en: "Screening" },
  investigating: { th: "กำลังดำเนินการตรวจสอบข้อเท็จจริง", en: "Investigating" },
  closed: { th: "ยุติเรื่องแล้ว", en: "Closed" },
} as const satisfies Record<string, { th: string; en: string }>;

export type ComplaintState = keyof typeof COMPLAINT_STATES;
export const COMPLAINT_STATE_KEYS = Object.keys(COMPLAINT_STATES) as [
  ComplaintState,
  ...ComplaintState[],
];

/** Who wrote a complaint event: the complainant (filing, replies) or an officer. */
export const COMPLAINT_EVENT_AUTHORS = ["complainant", "officer"] as const;
export type ComplaintEventAuthor = (typeof COMPLAINT_EVENT_AUTHORS)[number];

export const COMPLAINT_OUTCOMES = {
  substantiated: { th: "มีมูล ดำเนินการตามระเบียบ", en: "Substantiated" },
  unsubstantiated: { th: "ไม่มีมูล", en: "Unsubstantiated" },
  "forwarded-nacc": { th: "ส่งต่อสำนักงาน ป.ป.ช.", en: "Forwarded to the NACC" },
  "forwarded-agency": { th: "ส่งต่อหน่วยงานอื่น", en: "Forwarded to another agency" },
  "out-of-scope": { th: "ไม่อยู่ในอำนาจหน้าที่", en: "Out of scope" },
  withdrawn: { th: "ผู้ร้องถอนเรื่อง", en: "Withdrawn by the complainant" },
} as const satisfies Record<string, { th: string; en: string }>;

export type ComplaintOutcome = keyof typeof COMPLAINT_OUTCOMES;
export const COMPLAINT_OUTCOME_KEYS = Object.keys(COMPLAINT_OUTCOMES) as [
  ComplaintOutcome,
  ...ComplaintOutcome[],
];

/**
 * Cases move forward only. Any open state may close (a complaint out of scope is
 * closed at screening; a withdrawal closes whatever the state). Closed is final.
 */
const NEXT: Record<ComplaintState, readonly ComplaintState[]> = {
  received: ["screening", "closed"],
  screening: ["investigating", "closed"],
  investigating: ["closed"],
  closed: [],
};

export function canMoveComplaint(from: ComplaintState, to: ComplaintState): boolean {
  return NEXT[from].includes(to);
}

/** Throws INVALID_TRANSITION unless `from → to` is allowed; closing needs an outcome. */
export function assertComplaintTransition(
  from: ComplaintState,
  to: ComplaintState,
  outcome?: ComplaintOutcome | null,
): void {
  if (!canMoveComplaint(from, to))
    throw new DomainError("INVALID_TRANSITION", `complaint cannot move ${from} → ${to}`);
  if (to === "closed" && !outcome)
    throw new DomainError("COMMENT_REQUIRED", "closing a complaint needs an outcome");
  if (to !== "closed" && outcome)
    throw new DomainError("INVALID_INPUT", "only closing takes an outcome");
}

/** Whether a complainant can still write or withdraw. */
export function complaintIsOpen(state: ComplaintState): boolean {
  return state !== "closed";
}

/**
 * Reference numbers (เลขที่เรื่อง) count per agency and fiscal year, as paper registers
 * do: "2568/0007". They identify a case in conversation; they are not a key to it.
 */
export function formatComplaintReference(fiscalYear: number, sequence: number): string {
  return `${fiscalYear}/${String(sequence).padStart(4, "0")}`;
}
