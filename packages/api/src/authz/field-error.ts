import { englishOf } from "@ita/domain/errors";
import { z } from "zod";

/**
 * A validation error on one field, raised by a use case after a database or content
 * check (wrong current password, weak password, bad file). It is a real `Error` (as
 * zod's own parse errors are), so tRPC keeps it as the cause and the error formatter
 * turns it into `fieldErrors` (Thai) and, when `en` is given, `fieldErrorsEn`.
 */
export function fieldError(field: string, message: string, en?: string): z.ZodError {
  return new z.ZodRealError([
    {
      code: "custom",
      path: [field],
      message,
      input: undefined,
      ...(en ? { params: { en } } : {}),
    },
  ]);
}

/**
 * English messages per field: the `en` of a field error, else the English a schema
 * registered for its Thai message (`bilingual`), else the (Thai) message itself.
 */
export function englishFieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "");
    const en = issue.code === "custom" ? (issue.params as { en?: unknown } | undefined)?.en : null;
    (out[key] ??= []).push(
      typeof en === "string" ? en : (englishOf(issue.message) ?? issue.message),
    );
  }
  return out;
}
