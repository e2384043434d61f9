import { DOMAIN_ERROR_MESSAGES, type DomainErrorCode } from "@ita/domain/errors";

/** HTTP answers of the API's plain (non-tRPC) endpoints: uploads and staff downloads. */
export const STATUS: Partial<Record<DomainErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  TWO_FACTOR_REQUIRED: 403,
  NOT_FOUND: 404,
  INVALID_TRANSITION: 409,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

export function errorResponse(
  code: DomainErrorCode,
  status: number,
  fieldErrors: Record<string, string[]> | null = null,
  fieldErrorsEn: Record<string, string[]> | null = null,
): Response {
  const m = DOMAIN_ERROR_MESSAGES[code];
  return Response.json(
    {
      error: {
        code,
        messageTh: fieldErrors?.file?.[0] ?? m.th,
        messageEn: fieldErrorsEn?.file?.[0] ?? m.en,
        fieldErrors,
        fieldErrorsEn,
      },
    },
    { status, headers: { "cache-control": "no-store" } },
  );
}

export function internalErrorResponse(): Response {
  return Response.json(
    {
      error: {
        code: "INTERNAL",
        messageTh: "เกิดข้อผิดพลาดในระบบ โปรดลองใหม่อีกครั้ง",
        messageEn: "Something went wrong on our side.",
      },
    },
    { status: 500, headers: { "cache-control": "no-store" } },
  );
}
