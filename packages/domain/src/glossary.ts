/**
 * The rules of docs/glossary.md that a machine can check in a UI string: words the
 * glossary replaced by one term, and spacing around separators. Tests run every string
 * of the apps' i18n modules and the domain's labels through `glossaryProblems`.
 */

/** A word that must not appear in UI text, and the glossary's term to use instead. */
export interface BannedTerm {
  pattern: RegExp;
  use: string;
}

export const BANNED_TERMS: readonly BannedTerm[] = [
  { pattern: /2FA|\bMFA\b|two-factor/i, use: "การยืนยันตัวตนสองขั้นตอน / two-step verification" },
  { pattern: /ยังไม่มีข้อมูล|^Missing$/, use: "ยังไม่เผยแพร่ / Not published" },
  { pattern: /ถอนการเผยแพร่/, use: "ยกเลิกการเผยแพร่" },
  { pattern: /ตัดส่วนที่ไม่ปลอดภัย/, use: "say plainly what is kept" },
  { pattern: /ล็อกอิน|\blog ?in\b/i, use: "เข้าสู่ระบบ / sign in" },
  { pattern: /แบบร่าง/, use: "ฉบับร่าง" },
  { pattern: /ตีกลับ/, use: "ส่งกลับแก้ไข" },
];

const SEPARATORS = ["·", "›"];

/** Problems with one UI string (empty when it follows the glossary). */
export function glossaryProblems(text: string): string[] {
  const problems: string[] = [];
  for (const { pattern, use } of BANNED_TERMS)
    if (pattern.test(text)) problems.push(`"${text}": use ${use} (matches ${pattern})`);
  for (const sep of SEPARATORS) {
    for (let i = text.indexOf(sep); i !== -1; i = text.indexOf(sep, i + 1)) {
      const before = text[i - 1];
      const after = text[i + 1];
      if ((before !== undefined && before !== " ") || (after !== undefined && after !== " "))
        problems.push(`"${text}": a space on both sides of ${sep}`);
    }
  }
  // "ไฟล์(PDF)" → "ไฟล์ (PDF)"; a "(" that opens the string, follows a space or another
  // bracket, or is a placeholder's "{" neighbour is fine.
  if (/[^\s([{]\(/u.test(text)) problems.push(`"${text}": a space before (`);
  return problems;
}

/** Every string inside a label record, a { th, en } pair or a dictionary, however nested. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === "object") return Object.values(value).flatMap(stringsIn);
  return [];
}
