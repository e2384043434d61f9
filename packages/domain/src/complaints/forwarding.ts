/**
 * Forwarding a complaint (ADR 0027) to another agency in the system or to ป.ป.ช. (the
 * NACC, outside the system). Forwarding closes the case at the source with the
 * forwarded outcome. Another agency gets a new case in its inbox with the content and
 * evidence, never the complainant's identity unless they consented AND the officer chose
 * to pass it; the NACC gets a letter, whose number the officer records.
 */
import { formatThaiDate } from "../thai-date.ts";
import { complaintIsOpen, type ComplaintOutcome, type ComplaintState } from "./complaint.ts";
import type { Bilingual, ComplaintMessage } from "./messages.ts";

export const FORWARD_TARGET_KEYS = ["agency", "nacc"] as const;
export type ForwardTarget = (typeof FORWARD_TARGET_KEYS)[number];

/** The National Anti-Corruption Commission's office, as complainants know it. */
export const NACC_NAME: Bilingual = { th: "สำนักงาน ป.ป.ช.", en: "the Office of the NACC" };

/** Any open case may be forwarded (often at screening: "not ours"); a closed one may not. */
export function canForwardComplaint(state: ComplaintState): boolean {
  return complaintIsOpen(state);
}

export function forwardOutcome(target: ForwardTarget): ComplaintOutcome {
  return target === "nacc" ? "forwarded-nacc" : "forwarded-agency";
}

/** What the case's sealed identity says about passing it on. */
export type IdentityConsent = "anonymous" | "consented" | "not-consented";

export interface ForwardPlan {
  target: ForwardTarget;
  sourceAgencyId: string;
  /** The receiving agency as stored (target "agency"); null when none was found. */
  targetAgency: { id: string; officers: number } | null;
  includeIdentity: boolean;
  identity: IdentityConsent;
}

/** Which field a refused forward is about, and what to say there. */
export interface ForwardProblem {
  field: "agencySlug" | "includeIdentity";
  message: ComplaintMessage;
}

/**
 * Why this forward cannot go ahead, or null. A case is forwarded only to ANOTHER agency
 * that has complaint officers in the system (else nobody would ever read it there: the
 * officer sends a letter and closes the case instead), and the identity goes along only
 * when the complainant gave it and consented to its being passed on.
 */
export function forwardProblem(plan: ForwardPlan): ForwardProblem | null {
  if (plan.target === "agency") {
    if (!plan.targetAgency) return { field: "agencySlug", message: "agencyUnknown" };
    if (plan.targetAgency.id === plan.sourceAgencyId)
      return { field: "agencySlug", message: "forwardSameAgency" };
    if (plan.targetAgency.officers === 0)
      return { field: "agencySlug", message: "forwardNoOfficers" };
  }
  if (plan.includeIdentity && plan.identity !== "consented")
    return {
      field: "includeIdentity",
      message: plan.identity === "anonymous" ? "forwardAnonymous" : "forwardNoConsent",
    };
  return null;
}

/**
 * What a forward is, sealed in the timeline event of each side: where it went (or came
 * from), under which reference, whether the identity went along, and the officer's
 * reason — which only officers read (the complainant's view drops it).
 */
export interface ForwardRecord {
  direction: "out" | "in";
  target: ForwardTarget;
  /** The other side: the receiving agency ("out"), the sending agency ("in"); null = NACC. */
  agency: { slug: string; nameTh: string; nameEn: string | null } | null;
  /** The other side's reference: the new case's there, the source's, or the NACC letter's number. */
  reference: string | null;
  identityPassed: boolean;
  reason: string | null;
}

const nameOf = (r: ForwardRecord): Bilingual =>
  r.agency ? { th: r.agency.nameTh, en: r.agency.nameEn ?? r.agency.nameTh } : NACC_NAME;

/**
 * The line a timeline shows for a forward, in the reader's language:
 * "ส่งต่อให้ <ผู้รับ> เมื่อ <วันที่ พ.ศ.>" / "Forwarded to <recipient> on <date>".
 */
export function forwardLine(r: ForwardRecord, at: Date, lang: "th" | "en"): string {
  const name = nameOf(r)[lang];
  const date = formatThaiDate(at, { lang });
  const ref =
    r.reference === null
      ? ""
      : lang === "th"
        ? ` (${r.target === "nacc" ? "หนังสือเลขที่" : "เลขที่เรื่อง"} ${r.reference})`
        : ` (${r.target === "nacc" ? "letter no." : "reference"} ${r.reference})`;
  if (r.direction === "in")
    return lang === "th"
      ? `รับเรื่องต่อจาก ${name}${ref} เมื่อ ${date}`
      : `Received from ${name}${ref} on ${date}`;
  return lang === "th"
    ? `ส่งต่อให้ ${name}${ref} เมื่อ ${date}`
    : `Forwarded to ${name}${ref} on ${date}`;
}

/** Whether the identity went along, said plainly (to the complainant and the officers). */
export function forwardIdentityLine(r: ForwardRecord, lang: "th" | "en"): string {
  if (r.identityPassed)
    return lang === "th"
      ? "ส่งข้อมูลตัวตนของผู้ร้องไปด้วยตามที่ผู้ร้องยินยอม"
      : "The complainant's identity went along, as they consented.";
  return lang === "th"
    ? "ไม่ได้ส่งข้อมูลตัวตนของผู้ร้องไปด้วย"
    : "The complainant's identity did not go along.";
}

/**
 * What will be passed, told to the officer before they forward (Thai and English): to
 * an agency, the content and every evidence file, and the identity only if chosen; to
 * the NACC, nothing through the system — the officer sends the letter themselves.
 */
export function forwardWhatGoes(opts: {
  target: ForwardTarget;
  files: number;
  includeIdentity: boolean;
}): Bilingual {
  const identity = opts.includeIdentity
    ? { th: "พร้อมชื่อและช่องทางติดต่อของผู้ร้อง", en: "with the complainant's name and contacts" }
    : { th: "โดยไม่มีข้อมูลตัวตนของผู้ร้อง", en: "without the complainant's identity" };
  if (opts.target === "nacc")
    return {
      th: `ระบบไม่ได้ส่งข้อมูลใดไปยัง ป.ป.ช. โปรดส่งหนังสือเอง แล้วบันทึกเลขที่หนังสือ เรื่องนี้จะปิดด้วยผล "ส่งต่อสำนักงาน ป.ป.ช." ผู้ร้องจะเห็นว่าส่งต่อไปเมื่อใดและเลขที่หนังสือ (บันทึกว่าส่ง${opts.includeIdentity ? "" : "โดยไม่มี"}ข้อมูลตัวตนผู้ร้อง)`,
      en: `Nothing is sent to the NACC by the system: send the letter yourself and record its number. This case closes as "Forwarded to the NACC"; the complainant sees when and the letter's number (recorded as sent ${opts.includeIdentity ? "with" : "without"} the complainant's identity).`,
    };
  return {
    th: `หน่วยงานปลายทางจะได้รับเรื่องใหม่ที่มีรายละเอียดเรื่องร้องเรียนและไฟล์หลักฐาน ${opts.files} ไฟล์ ${identity.th} ไม่รวมข้อความโต้ตอบและบันทึกภายในของหน่วยงานเรา เรื่องนี้จะปิดด้วยผล "ส่งต่อหน่วยงานอื่น" และผู้ร้องติดตามเรื่องที่หน่วยงานปลายทางได้ด้วยรหัสเดิม`,
    en: `The receiving agency gets a new case with the complaint's content and ${opts.files} evidence file(s), ${identity.en}; not our messages or internal notes. This case closes as "Forwarded to another agency", and the complainant follows the new case with the same code.`,
  };
}
