/**
 * Typed domain errors. Use cases throw `DomainError` with a code; transports
 * (tRPC, Astro pages) map the code to a status and show `DOMAIN_ERROR_MESSAGES`.
 */

export const DOMAIN_ERROR_CODES = [
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHENTICATED",
  "INVALID_INPUT",
  "CONFLICT",
  "INVALID_SCORE",
  "FOUR_EYES",
  "INVALID_TRANSITION",
  "COMMENT_REQUIRED",
  "RATE_LIMITED",
  "TWO_FACTOR_REQUIRED",
  "QUERY_TOO_BROAD",
  "SEARCH_BUSY",
  "SYSTEM_ADMIN_ONLY",
  "EMAIL_NOT_CONFIGURED",
  "SECOND_ADMIN_REQUIRED",
  "LAST_SYSTEM_ADMIN",
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** Messages written for a clerk, not a developer: say what happened and what to do. */
export const DOMAIN_ERROR_MESSAGES: Record<DomainErrorCode, { th: string; en: string }> = {
  NOT_FOUND: {
    th: "ไม่พบข้อมูลที่ต้องการ อาจถูกลบหรือย้ายไปแล้ว",
    en: "The requested information was not found. It may have been removed or moved.",
  },
  FORBIDDEN: {
    th: "คุณไม่มีสิทธิ์ทำรายการนี้ หากจำเป็นโปรดติดต่อผู้ดูแลระบบของหน่วยงาน",
    en: "You do not have permission to do this. Contact your agency's administrator if you need it.",
  },
  UNAUTHENTICATED: {
    th: "กรุณาเข้าสู่ระบบก่อนทำรายการนี้",
    en: "Please sign in first.",
  },
  INVALID_INPUT: {
    th: "ข้อมูลที่กรอกไม่ถูกต้อง โปรดตรวจสอบช่องที่มีข้อความแจ้งเตือนแล้วลองอีกครั้ง",
    en: "Some of the information entered is not valid. Check the highlighted fields and try again.",
  },
  CONFLICT: {
    th: "ข้อมูลนี้ถูกแก้ไขโดยผู้อื่นหรือมีอยู่แล้ว โปรดโหลดหน้าใหม่แล้วตรวจสอบอีกครั้ง",
    en: "This information was changed by someone else or already exists. Reload the page and check again.",
  },
  INVALID_SCORE: {
    th: "คะแนนต้องเป็นตัวเลขตั้งแต่ 0 ถึง 100 และมีทศนิยมไม่เกิน 2 ตำแหน่ง",
    en: "Scores must be numbers from 0 to 100 with at most two decimals.",
  },
  FOUR_EYES: {
    th: "ผู้จัดทำข้อมูลไม่สามารถอนุมัติข้อมูลของตนเองได้ ต้องให้ผู้อนุมัติคนอื่นเป็นผู้ตรวจสอบ",
    en: "You cannot approve an entry you prepared yourself; another approver must review it.",
  },
  INVALID_TRANSITION: {
    th: "ไม่สามารถทำรายการนี้กับข้อมูลในสถานะปัจจุบันได้ โปรดโหลดหน้าใหม่เพื่อดูสถานะล่าสุด",
    en: "This action is not possible in the entry's current state. Reload the page to see its latest state.",
  },
  COMMENT_REQUIRED: {
    th: "กรุณาระบุเหตุผลหรือข้อเสนอแนะก่อนดำเนินการ",
    en: "Please give a reason or comment first.",
  },
  RATE_LIMITED: {
    th: "มีการทำรายการบ่อยเกินไป โปรดรอสักครู่แล้วลองใหม่",
    en: "Too many attempts. Please wait a moment and try again.",
  },
  TWO_FACTOR_REQUIRED: {
    th: "กรุณายืนยันตัวตนด้วยรหัสจากแอปยืนยันตัวตน (การยืนยันตัวตนสองขั้นตอน) ก่อนทำรายการนี้",
    en: "Please confirm your sign-in with a code from your authenticator app (two-step verification) first.",
  },
  QUERY_TOO_BROAD: {
    th: "คำค้นกว้างเกินไป ระบบค้นไม่ทันเวลา โปรดเพิ่มคำค้นหรือเลือกจังหวัด หน่วยงาน หรือปีงบประมาณเพื่อจำกัดผลการค้นหา",
    en: "The search is too broad to finish in time. Add a word or choose a province, agency or fiscal year to narrow it.",
  },
  SEARCH_BUSY: {
    th: "ขณะนี้มีผู้ใช้ค้นหาพร้อมกันจำนวนมาก โปรดรอสักครู่แล้วลองค้นหาอีกครั้ง",
    en: "Many people are searching right now. Please wait a moment and search again.",
  },
  SYSTEM_ADMIN_ONLY: {
    th: "บัญชีนี้เป็นผู้ดูแลระบบ ผู้ประสานงานจังหวัด หรือมีบทบาทในหน่วยงานอื่นด้วย การตั้งรหัสผ่านใหม่หรือล้างการยืนยันตัวตนสองขั้นตอนต้องให้ผู้ดูแลระบบกลางดำเนินการ",
    en: "This account is a system administrator, a province coordinator or holds roles in another agency too. Ask a system administrator to reset its password or second factor.",
  },
  EMAIL_NOT_CONFIGURED: {
    th: "ระบบยังไม่ได้ตั้งค่าการส่งอีเมล จึงส่งลิงก์ตั้งรหัสผ่านใหม่ถึงผู้ใช้ไม่ได้ โปรดติดต่อผู้ดูแลระบบกลาง",
    en: "E-mail is not set up, so the reset link cannot reach the user. Ask a system administrator.",
  },
  SECOND_ADMIN_REQUIRED: {
    th: "การให้บทบาทนี้ต้องให้ผู้ดูแลหน่วยงานอีกคนหรือผู้ดูแลระบบเป็นผู้ยืนยัน ผู้ขอและผู้ได้รับบทบาทยืนยันเองไม่ได้",
    en: "Another agency administrator or a system administrator must confirm this grant; neither the one who asked nor the one receiving it can.",
  },
  LAST_SYSTEM_ADMIN: {
    th: "ถอนสิทธิ์ไม่ได้ บัญชีนี้เป็นผู้ดูแลระบบคนสุดท้าย ให้สิทธิ์ผู้ดูแลระบบแก่บัญชีอื่นก่อน",
    en: "This is the last system administrator. Make another account a system administrator first.",
  },
};

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  /** Machine-readable context (field names, ids); never shown raw to the public. */
  readonly details?: Readonly<Record<string, unknown>>;

  constructor(
    code: DomainErrorCode,
    message: string = DOMAIN_ERROR_MESSAGES[code].en,
    details?: Readonly<Record<string, unknown>>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DomainError";
    this.code = code;
    if (details !== undefined) this.details = details;
  }
}

export function isDomainErrorCode(x: unknown): x is DomainErrorCode {
  return typeof x === "string" && (DOMAIN_ERROR_CODES as readonly string[]).includes(x);
}

/**
 * True for a DomainError, optionally of a given code. Also accepts structurally
 * equal errors, because duplicate module instances (e.g. Vite SSR + Node) break `instanceof`.
 */
export function isDomainError(e: unknown, code?: DomainErrorCode): e is DomainError {
  const ok =
    e instanceof DomainError ||
    (e instanceof Error &&
      e.name === "DomainError" &&
      isDomainErrorCode((e as { code?: unknown }).code));
  return ok && (code === undefined || (e as DomainError).code === code);
}

/**
 * English for Thai field messages. Input schemas carry one message per issue (Thai, the
 * form's language); a schema that also speaks English writes `bilingual(th, en)`, which
 * returns the Thai and remembers its English, so the API answers both (`fieldErrorsEn`)
 * and a page can show either with `englishOf`.
 */
const ENGLISH_OF_THAI = new Map<string, string>();

export function bilingual(th: string, en: string): string {
  ENGLISH_OF_THAI.set(th, en);
  return th;
}

/** The English of a message made with `bilingual`, else undefined. */
export function englishOf(th: string): string | undefined {
  return ENGLISH_OF_THAI.get(th);
}
