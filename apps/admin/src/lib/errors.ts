import { i18n } from "./i18n.svelte.ts";

export interface ApiFailure {
  message: string;
  /** Messages per input field (server validation), shown next to the field. */
  fieldErrors: Record<string, string[] | undefined>;
  code: string | null;
  /** A throttled sign-in: seconds until the next attempt is allowed. */
  retryAfterSeconds?: number | null;
}

interface ErrorData {
  messageTh?: string;
  messageEn?: string;
  domainCode?: string | null;
  code?: string;
  fieldErrors?: Record<string, string[] | undefined> | null;
  fieldErrorsEn?: Record<string, string[] | undefined> | null;
  retryAfterSeconds?: number | null;
}

/** Reads a tRPC error (or an upload endpoint's JSON error) into what a form shows. */
export function readError(error: unknown): ApiFailure {
  const e = error as { data?: ErrorData; error?: ErrorData } | null;
  const data = e?.data ?? e?.error;
  const fallback =
    i18n.lang === "en" ? "Something went wrong. Please try again." : "เกิดข้อผิดพลาด โปรดลองใหม่อีกครั้ง";
  const message = (i18n.lang === "en" ? data?.messageEn : data?.messageTh) ?? fallback;
  return {
    message,
    fieldErrors: (i18n.lang === "en" ? data?.fieldErrorsEn : null) ?? data?.fieldErrors ?? {},
    code: data?.domainCode ?? data?.code ?? null,
    retryAfterSeconds: data?.retryAfterSeconds ?? null,
  };
}

/** The first message for a field, if any. */
export function fieldMessage(failure: ApiFailure | null, field: string): string | undefined {
  return failure?.fieldErrors[field]?.[0];
}
