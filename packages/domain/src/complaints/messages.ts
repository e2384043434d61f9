/**
 * What the complaint inputs and use cases say when something is wrong, Thai and English
 * in one place. The schemas carry the Thai (registered with its English by `bilingual`),
 * the API answers both, and the pages show the reader's language.
 */
import { bilingual } from "../errors.ts";
import { EVIDENCE_MAX_BYTES, EVIDENCE_MAX_FILES } from "./evidence.ts";

export interface Bilingual {
  th: string;
  en: string;
}

/** Field labels used inside messages ("กรุณากรอก<label>"). */
export const COMPLAINT_FIELD_LABELS = {
  description: { th: "รายละเอียดเรื่องที่ร้องเรียน", en: "the description" },
  involved: { th: "ผู้เกี่ยวข้อง", en: "who was involved" },
  occurredWhen: { th: "วันเวลาที่เกิดเหตุ", en: "when it happened" },
  occurredWhere: { th: "สถานที่เกิดเหตุ", en: "where it happened" },
  name: { th: "ชื่อ-นามสกุล", en: "your full name" },
  message: { th: "ข้อความ", en: "a message" },
  note: { th: "ข้อความถึงผู้ร้อง", en: "the message to the complainant" },
  revealReason: { th: "เหตุผลในการเปิดเผยตัวตนผู้ร้อง", en: "the reason for revealing the identity" },
  forwardReason: { th: "เหตุผลในการส่งต่อ", en: "the reason for forwarding" },
  letterNumber: { th: "เลขที่หนังสือนำส่ง ป.ป.ช.", en: "the number of the letter to the NACC" },
  agencyName: { th: "ชื่อหน่วยงาน", en: "the agency's name" },
} as const satisfies Record<string, Bilingual>;

export const COMPLAINT_MESSAGES = {
  subjectRequired: { th: "กรุณาเลือกประเภทเรื่องร้องเรียน", en: "Choose the type of complaint." },
  formExpired: { th: "แบบฟอร์มหมดอายุ โปรดเริ่มใหม่", en: "The form has expired. Please start again." },
  phoneInvalid: {
    th: "หมายเลขโทรศัพท์ไม่ถูกต้อง เช่น 081 234 5678",
    en: "The phone number is not valid, e.g. 081 234 5678.",
  },
  emailInvalid: {
    th: "อีเมลไม่ถูกต้อง เช่น name@example.com",
    en: "The e-mail address is not valid, e.g. name@example.com.",
  },
  codeRequired: { th: "กรุณากรอกรหัสติดตามเรื่อง", en: "Enter your tracking code." },
  codeInvalid: { th: "รหัสติดตามเรื่องไม่ถูกต้อง", en: "The tracking code is not valid." },
  /** One answer for every code that opens nothing, well-formed or not. */
  codeUnknown: {
    th: "ไม่พบเรื่องที่ตรงกับรหัสนี้ โปรดตรวจสอบรหัสอีกครั้ง",
    en: "Nothing matches this code. Check it and try again.",
  },
  /** A download of one's own file that is not (or no longer) there. */
  fileGone: {
    th: "ไม่พบไฟล์นี้ในเรื่องของท่าน โปรดเปิดหน้าติดตามเรื่องอีกครั้ง",
    en: "This file is not part of your complaint. Open the tracking page again.",
  },
  complaintIdInvalid: { th: "รหัสเรื่องร้องเรียนไม่ถูกต้อง", en: "The complaint id is not valid." },
  assigneeRequired: { th: "กรุณาเลือกเจ้าหน้าที่", en: "Choose an officer." },
  assigneeNotOfficer: {
    th: "มอบหมายได้เฉพาะเจ้าหน้าที่เรื่องร้องเรียนของหน่วยงานนี้",
    en: "Only this agency's complaint officers can be assigned.",
  },
  agencyUnknown: {
    th: "ไม่พบหน่วยงานที่เลือก โปรดค้นหาหน่วยงานอีกครั้ง",
    en: "The chosen agency was not found. Search for the agency again.",
  },
  forwardTargetRequired: {
    th: "กรุณาเลือกว่าจะส่งต่อให้หน่วยงานอื่นหรือสำนักงาน ป.ป.ช.",
    en: "Choose whether to forward to another agency or to the NACC.",
  },
  forwardAgencyRequired: {
    th: "กรุณาค้นหาและเลือกหน่วยงานที่จะส่งต่อ",
    en: "Search for and choose the agency to forward to.",
  },
  forwardSameAgency: {
    th: "ส่งต่อให้หน่วยงานของตนเองไม่ได้ โปรดเลือกหน่วยงานอื่น",
    en: "A complaint cannot be forwarded to its own agency. Choose another agency.",
  },
  forwardNoOfficers: {
    th: 'หน่วยงานนี้ยังไม่มีเจ้าหน้าที่เรื่องร้องเรียนในระบบ จึงส่งต่อผ่านระบบไม่ได้ โปรดส่งเป็นหนังสือ แล้วปิดเรื่องด้วยผล "ส่งต่อหน่วยงานอื่น"',
    en: 'This agency has no complaint officer in the system yet, so the case cannot be forwarded through it. Send a letter, then close the case as "Forwarded to another agency".',
  },
  forwardNoConsent: {
    th: "ผู้ร้องไม่ได้ยินยอมให้ส่งข้อมูลตัวตนต่อ จึงส่งต่อได้เฉพาะรายละเอียดและหลักฐาน",
    en: "The complainant did not consent to their identity being passed on; only the content and evidence can be forwarded.",
  },
  forwardAnonymous: {
    th: "เรื่องนี้ไม่ระบุตัวตนผู้ร้อง จึงไม่มีข้อมูลตัวตนให้ส่งต่อ",
    en: "This complaint is anonymous: there is no identity to pass on.",
  },
  proofMissing: {
    th: "ยังไม่ได้ยืนยันการส่งเรื่อง โปรดกดปุ่มส่งเรื่องจากหน้าตรวจสอบอีกครั้ง",
    en: "The submission was not confirmed. Send it again from the review page.",
  },
  proofInvalid: {
    th: "การยืนยันการส่งเรื่องไม่ถูกต้องหรือหมดอายุแล้ว โปรดกดส่งเรื่องอีกครั้ง",
    en: "The confirmation of this submission is not valid or has expired. Please send again.",
  },
  proofReplayed: {
    th: "การยืนยันนี้ถูกใช้ส่งเรื่องไปแล้ว โปรดกดส่งเรื่องอีกครั้ง",
    en: "This confirmation has already been used. Please send again.",
  },
  proofWait: {
    th: "เพื่อป้องกันการส่งโดยอัตโนมัติ โปรดรอสักครู่แล้วกดส่งเรื่องอีกครั้ง",
    en: "To keep automated submissions out, please wait a moment and send again.",
  },
} as const satisfies Record<string, Bilingual>;

export type ComplaintMessage = keyof typeof COMPLAINT_MESSAGES;

/** The Thai of a message for a zod schema, its English remembered for the API. */
export function complaintMessage(key: ComplaintMessage): string {
  const m = COMPLAINT_MESSAGES[key];
  return bilingual(m.th, m.en);
}

/** "กรุณากรอก<label>" / "Enter <label>." */
export function requiredMessage(label: Bilingual): string {
  return bilingual(`กรุณากรอก${label.th}`, `Enter ${label.en}.`);
}

export function invalidMessage(label: Bilingual): string {
  return bilingual(`${label.th}ไม่ถูกต้อง`, `${capitalize(label.en)} is not valid.`);
}

export function minLengthMessage(label: Bilingual, min: number): string {
  return bilingual(
    `${label.th}ต้องยาวอย่างน้อย ${min} ตัวอักษร`,
    `${capitalize(label.en)} must be at least ${min} characters long.`,
  );
}

export function maxLengthMessage(label: Bilingual, max: number): string {
  const n = max.toLocaleString("en-US");
  return bilingual(
    `${label.th}ต้องยาวไม่เกิน ${n} ตัวอักษร`,
    `${capitalize(label.en)} must be at most ${n} characters long.`,
  );
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// Evidence files: the limits are evidence.ts's.
const MAX_FILES = EVIDENCE_MAX_FILES;
const MAX_MB = EVIDENCE_MAX_BYTES / 1024 / 1024;
const TYPES_LABEL = "PDF, JPEG, PNG, Word (DOCX) หรือ Excel (XLSX)";
const TYPES_LABEL_EN = "PDF, JPEG, PNG, Word (DOCX) or Excel (XLSX)";

/** Why an evidence file was refused; every one says that nothing was added. */
export const EVIDENCE_MESSAGES = {
  tooMany: {
    th: `แนบไฟล์ได้ไม่เกิน ${MAX_FILES} ไฟล์ ไม่ได้เพิ่มไฟล์ใด`,
    en: `At most ${MAX_FILES} files can be attached. No file was added.`,
  },
  tooBig: {
    th: `ไฟล์ใหญ่เกิน ${MAX_MB} MB ไม่ได้เพิ่มไฟล์ใด`,
    en: `A file is larger than ${MAX_MB} MB. No file was added.`,
  },
  wrongType: {
    th: `รับเฉพาะไฟล์ ${TYPES_LABEL} (ตรวจจากเนื้อไฟล์ ไม่ใช่ชื่อไฟล์) ไม่ได้เพิ่มไฟล์ใด`,
    en: `Only ${TYPES_LABEL_EN} files are accepted (checked from the content, not the name). No file was added.`,
  },
  empty: {
    th: "ไฟล์ว่างเปล่า โปรดเลือกไฟล์อีกครั้ง ไม่ได้เพิ่มไฟล์ใด",
    en: "The file is empty. Choose it again. No file was added.",
  },
  macros: {
    th: "ไฟล์ Word/Excel นี้มีมาโคร (macro) ซึ่งอาจเป็นอันตราย จึงไม่รับ โปรดบันทึกเป็น .docx/.xlsx แบบไม่มีมาโครแล้วแนบใหม่ ไม่ได้เพิ่มไฟล์ใด",
    en: "This Word/Excel file contains macros, which can be harmful, so it is refused. Save it as a .docx/.xlsx without macros and attach it again. No file was added.",
  },
  broken: {
    th: "การส่งไฟล์ไม่สมบูรณ์ (ข้อมูลเสียระหว่างทาง) โปรดเลือกไฟล์แล้วส่งอีกครั้ง ไม่ได้เพิ่มไฟล์ใด",
    en: "The upload arrived incomplete or damaged. Choose the files and send again. No file was added.",
  },
  /** The per-client limit on files sent to filing forms (client-throttle.ts). */
  tooManyUploads: {
    th: "มีการแนบไฟล์จากเครื่องนี้มากเกินไป โปรดรอสักครู่ (ไม่เกินหนึ่งชั่วโมง) แล้วแนบใหม่ ไม่ได้เพิ่มไฟล์ใด",
    en: "Too many files have been attached from this device. Please wait a while (up to an hour) and attach them again. No file was added.",
  },
  unreadable: {
    th: "เปิดไฟล์นี้ไม่ได้ (ไฟล์อาจเสียหาย) ไม่ได้เพิ่มไฟล์ใด",
    en: "This file cannot be opened (it may be damaged). No file was added.",
  },
} as const satisfies Record<string, Bilingual>;

/**
 * What could not be removed from a file, told to the complainant plainly before they
 * submit (they may prefer to remove it themselves, or not to send the file).
 */
export const EVIDENCE_WARNINGS = {
  "pdf-not-cleaned": {
    th: "ลบข้อมูลผู้สร้างเอกสาร (metadata) ออกจาก PDF นี้ไม่ได้ (อาจเข้ารหัสไว้) ไฟล์อาจยังระบุชื่อผู้สร้าง เครื่อง หรือโปรแกรมที่ใช้ได้",
    en: "The author information (metadata) could not be removed from this PDF (it may be encrypted). It may still name who made it, the computer or the program.",
  },
  "office-comments": {
    th: "ไฟล์นี้มีความเห็น (comments) หรือการติดตามการแก้ไข ซึ่งอาจแสดงชื่อผู้เขียน ระบบลบได้เฉพาะคุณสมบัติเอกสาร โปรดลบความเห็นเองหากไม่ต้องการให้เห็นชื่อ",
    en: "This file has comments or tracked changes, which may show who wrote them. Only the document properties were removed; delete the comments yourself if your name must not show.",
  },
} as const satisfies Record<string, Bilingual>;
export type EvidenceWarning = keyof typeof EVIDENCE_WARNINGS;

export function isEvidenceWarning(value: unknown): value is EvidenceWarning {
  return typeof value === "string" && value in EVIDENCE_WARNINGS;
}
