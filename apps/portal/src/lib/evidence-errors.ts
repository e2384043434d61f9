import type { Bilingual } from "@ita/domain/complaints";
import { englishOf } from "@ita/domain/errors";

interface Issue {
  path?: unknown[];
  message?: string;
  params?: { en?: unknown };
}

/**
 * The Thai and English message of a refused evidence file (a field error on `files`,
 * or an expired form), or null when the error is something else.
 */
export function evidenceErrorOf(error: unknown): Bilingual | null {
  const e = error as { code?: string; cause?: { issues?: Issue[] } } | null;
  if (e?.code !== "BAD_REQUEST") return null;
  const issue = e.cause?.issues?.find(
    (i) => i.path?.[0] === "files" || i.path?.[0] === "formToken",
  );
  if (!issue?.message) return null;
  const en =
    typeof issue.params?.en === "string"
      ? issue.params.en
      : (englishOf(issue.message) ?? issue.message);
  return { th: issue.message, en };
}
