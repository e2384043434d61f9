/**
 * Disclosure-entry workflow (docs/domain.md §6) as a state machine held in data.
 * The unit that prepares information is not the one that approves it (four-eyes),
 * so `approve` is refused to the entry's author even if they hold the approver role.
 */
import type { DomainErrorCode } from "./errors.ts";

export const ENTRY_STATES = ["draft", "submitted", "returned", "published", "withdrawn"] as const;
export type EntryState = (typeof ENTRY_STATES)[number];

export const ENTRY_ACTIONS = [
  "submit",
  "withdrawSubmission",
  "return",
  "approve",
  "unpublish",
  "revise",
] as const;
export type EntryAction = (typeof ENTRY_ACTIONS)[number];

export type WorkflowRole = "editor" | "approver";

export interface TransitionRule {
  from: readonly EntryState[];
  to: EntryState;
  role: WorkflowRole;
  /** A non-blank comment (the reason) must accompany the action. */
  commentRequired: boolean;
  /** The actor must not be the entry's author. */
  fourEyes: boolean;
}

export const ENTRY_TRANSITIONS: Readonly<Record<EntryAction, TransitionRule>> = {
  submit: {
    from: ["draft", "returned"],
    to: "submitted",
    role: "editor",
    commentRequired: false,
    fourEyes: false,
  },
  // Taken back before review (glossary: ถอนกลับ): any editor of the agency, since clerks
  // cover for each other; once an approver has acted the state is no longer `submitted`.
  withdrawSubmission: {
    from: ["submitted"],
    to: "draft",
    role: "editor",
    commentRequired: false,
    fourEyes: false,
  },
  return: {
    from: ["submitted"],
    to: "returned",
    role: "approver",
    commentRequired: true,
    fourEyes: false,
  },
  approve: {
    from: ["submitted"],
    to: "published",
    role: "approver",
    commentRequired: false,
    fourEyes: true,
  },
  unpublish: {
    from: ["published"],
    to: "withdrawn",
    role: "approver",
    commentRequired: true,
    fourEyes: false,
  },
  // Revising never edits what the public saw: the caller creates a new draft version.
  revise: {
    from: ["published", "withdrawn"],
    to: "draft",
    role: "editor",
    commentRequired: false,
    fourEyes: false,
  },
};

export const ENTRY_STATE_LABELS: Record<EntryState, { th: string; en: string }> = {
  draft: { th: "ฉบับร่าง", en: "Draft" },
  submitted: { th: "รออนุมัติ", en: "Awaiting approval" },
  returned: { th: "ส่งกลับแก้ไข", en: "Returned for changes" },
  published: { th: "เผยแพร่แล้ว", en: "Published" },
  withdrawn: { th: "ยกเลิกการเผยแพร่", en: "Withdrawn" },
};

export const ENTRY_ACTION_LABELS: Record<EntryAction, { th: string; en: string }> = {
  submit: { th: "ส่งขออนุมัติ", en: "Submit for approval" },
  withdrawSubmission: { th: "ถอนกลับไปแก้ไข", en: "Withdraw to make changes" },
  return: { th: "ส่งกลับแก้ไข", en: "Return for changes" },
  approve: { th: "อนุมัติและเผยแพร่", en: "Approve and publish" },
  unpublish: { th: "ยกเลิกการเผยแพร่", en: "Unpublish" },
  revise: { th: "แก้ไขเป็นฉบับใหม่", en: "Revise as a new version" },
};

export interface TransitionInput {
  state: EntryState;
  action: EntryAction;
  /** The actor prepared the version in question (created, saved or attached to it). */
  actorContributed: boolean;
  roles: readonly WorkflowRole[];
  comment?: string | null;
}

export type TransitionResult =
  { ok: true; next: EntryState } | { ok: false; code: DomainErrorCode };

/** Checks in order: state, role, four-eyes, comment — the first failure is reported. */
export function transition(input: TransitionInput): TransitionResult {
  const rule = ENTRY_TRANSITIONS[input.action];
  if (!rule || !rule.from.includes(input.state)) return { ok: false, code: "INVALID_TRANSITION" };
  if (!input.roles.includes(rule.role)) return { ok: false, code: "FORBIDDEN" };
  if (rule.fourEyes && input.actorContributed) return { ok: false, code: "FOUR_EYES" };
  if (rule.commentRequired && !input.comment?.trim())
    return { ok: false, code: "COMMENT_REQUIRED" };
  return { ok: true, next: rule.to };
}

/** Actions this actor may take now (comment requirements aside: the UI asks for one). */
export function allowedActions(input: Omit<TransitionInput, "action" | "comment">): EntryAction[] {
  return ENTRY_ACTIONS.filter((action) => transition({ ...input, action, comment: "-" }).ok);
}

/** Events that make their actor a contributor of the version (four-eyes). */
export const AUTHORING_EVENTS = [
  "created",
  "saved",
  "revised",
  "copied",
  "bulk_created",
  "attachment_added",
  "attachment_removed",
] as const;

/** What an entry's history records (`entry_events.action`), one event per change. */
export const ENTRY_EVENTS = [
  ...AUTHORING_EVENTS,
  "submitted",
  "submission_withdrawn",
  "returned",
  "approved",
  "unpublished",
  "scheduled_published",
] as const;
export type EntryEvent = (typeof ENTRY_EVENTS)[number];

export const ENTRY_EVENT_LABELS: Record<EntryEvent, { th: string; en: string }> = {
  created: { th: "สร้างฉบับร่าง", en: "created" },
  saved: { th: "บันทึก", en: "saved" },
  revised: { th: "เริ่มฉบับแก้ไขใหม่", en: "new version started" },
  copied: { th: "คัดลอกจากปีก่อน", en: "copied from last year" },
  bulk_created: { th: "สร้างจากการอัปโหลดหลายไฟล์", en: "created by bulk upload" },
  attachment_added: { th: "แนบไฟล์", en: "file attached" },
  attachment_removed: { th: "ลบไฟล์แนบ", en: "file removed" },
  submitted: { th: "ส่งขออนุมัติ", en: "submitted" },
  submission_withdrawn: { th: "ถอนกลับไปแก้ไข", en: "withdrawn to make changes" },
  returned: { th: "ส่งกลับแก้ไข", en: "returned" },
  approved: { th: "อนุมัติและเผยแพร่", en: "approved and published" },
  unpublished: { th: "ยกเลิกการเผยแพร่", en: "unpublished" },
  scheduled_published: { th: "เผยแพร่ตามเวลาที่ตั้งไว้", en: "published at the scheduled time" },
};

/** Status of a checklist item (one framework item for one agency and year). */
export type ItemStatus = "missing" | "draft" | "waiting" | "partial" | "published" | "returned";

export const ITEM_STATUS_LABELS: Record<ItemStatus, { th: string; en: string }> = {
  missing: { th: "ยังไม่เผยแพร่", en: "Not published" },
  draft: { th: "ฉบับร่าง", en: "Draft" },
  waiting: { th: "รออนุมัติ", en: "Awaiting approval" },
  partial: { th: "เผยแพร่บางส่วน", en: "Partly published" },
  published: { th: "เผยแพร่แล้ว", en: "Published" },
  returned: { th: "ส่งกลับแก้ไข", en: "Returned for changes" },
};

/**
 * Summarise the states of an item's entries. Precedence: published (the public
 * can see the item, pending revisions don't change that) > returned (the clerk
 * must act) > waiting (the approver must act) > draft > missing. Withdrawn-only
 * or no entries count as missing: nothing is visible to the public. For an item
 * with several entries (monthly, quarterly) use `itemProgress` (@ita/domain/frameworks),
 * which says "published" only when every expected entry is.
 */
export function itemStatus(states: readonly EntryState[]): ItemStatus {
  if (states.includes("published")) return "published";
  if (states.includes("returned")) return "returned";
  if (states.includes("submitted")) return "waiting";
  if (states.includes("draft")) return "draft";
  return "missing";
}
