import { englishOf } from "@ita/domain/errors";

/** True for API errors that mean "this page does not exist" (unknown slug, bad year…). */
export function isNotFound(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === "NOT_FOUND" || code === "BAD_REQUEST";
}

/** The first Thai (or English) message of a bad-input error, for showing next to a form. */
export function inputErrorMessage(error: unknown, lang: "th" | "en"): string | null {
  const e = error as {
    code?: string;
    cause?: { issues?: { message?: string; params?: { en?: unknown } }[]; code?: string };
  } | null;
  if (e?.code !== "BAD_REQUEST") return null;
  const issue = e.cause?.issues?.[0];
  if (issue?.message) {
    if (lang === "th") return issue.message;
    const en = issue.params?.en;
    return typeof en === "string" ? en : (englishOf(issue.message) ?? issue.message);
  }
  return lang === "th" ? "ข้อมูลที่กรอกไม่ถูกต้อง" : "The input is not valid.";
}
