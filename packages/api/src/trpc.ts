import { DOMAIN_ERROR_MESSAGES, isDomainError, type DomainErrorCode } from "@ita/domain/errors";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { englishFieldErrors } from "./authz/field-error.ts";
import type { Context } from "./context.ts";

type TrpcCode = ConstructorParameters<typeof TRPCError>[0]["code"];

const STATUS_OF: Record<DomainErrorCode, TrpcCode> = {
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHENTICATED: "UNAUTHORIZED",
  INVALID_INPUT: "BAD_REQUEST",
  CONFLICT: "CONFLICT",
  INVALID_SCORE: "BAD_REQUEST",
  FOUR_EYES: "FORBIDDEN",
  INVALID_TRANSITION: "CONFLICT",
  COMMENT_REQUIRED: "BAD_REQUEST",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  TWO_FACTOR_REQUIRED: "FORBIDDEN",
  QUERY_TOO_BROAD: "BAD_REQUEST",
  SEARCH_BUSY: "SERVICE_UNAVAILABLE",
  SYSTEM_ADMIN_ONLY: "FORBIDDEN",
  EMAIL_NOT_CONFIGURED: "PRECONDITION_FAILED",
  SECOND_ADMIN_REQUIRED: "FORBIDDEN",
  LAST_SYSTEM_ADMIN: "CONFLICT",
};

const retryAfterSeconds = (cause: unknown): number | null => {
  const value = isDomainError(cause) ? cause.details?.retryAfterSeconds : undefined;
  return typeof value === "number" ? value : null;
};

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  // Every error carries a Thai and an English message and, for bad input, the
  // message per field, so forms can show it next to the field.
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const domainCode = isDomainError(cause) ? cause.code : null;
    const zod = cause instanceof ZodError ? cause : null;
    const fallback: DomainErrorCode =
      error.code === "UNAUTHORIZED"
        ? "UNAUTHENTICATED"
        : error.code === "FORBIDDEN"
          ? "FORBIDDEN"
          : error.code === "NOT_FOUND"
            ? "NOT_FOUND"
            : "INVALID_INPUT";
    const messages = DOMAIN_ERROR_MESSAGES[domainCode ?? (zod ? "INVALID_INPUT" : fallback)];
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    return {
      ...shape,
      message: internal ? "เกิดข้อผิดพลาดในระบบ โปรดลองใหม่อีกครั้ง" : zod ? messages.th : error.message,
      data: {
        ...shape.data,
        stack: undefined,
        domainCode,
        messageTh: internal ? "เกิดข้อผิดพลาดในระบบ โปรดลองใหม่อีกครั้ง" : messages.th,
        messageEn: internal ? "Something went wrong on our side. Please try again." : messages.en,
        fieldErrors: zod ? z.flattenError(zod).fieldErrors : null,
        fieldErrorsEn: zod ? englishFieldErrors(zod) : null,
        // How long a throttled sign-in waits, so the form can say it (docs/adr/0011).
        retryAfterSeconds: retryAfterSeconds(cause),
      },
    };
  },
});

/** Maps DomainError thrown by use cases to the matching tRPC error. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isDomainError(result.error.cause)) {
    const cause = result.error.cause;
    throw new TRPCError({
      code: STATUS_OF[cause.code],
      message: DOMAIN_ERROR_MESSAGES[cause.code].th,
      cause,
    });
  }
  // A use case may refuse one field after looking at the database (a weak password, a
  // taken e-mail): it throws a ZodError so the form shows the message by the field.
  if (
    !result.ok &&
    result.error.code === "INTERNAL_SERVER_ERROR" &&
    result.error.cause instanceof ZodError
  ) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: DOMAIN_ERROR_MESSAGES.INVALID_INPUT.th,
      cause: result.error.cause,
    });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(domainErrors);

/** A signed-in user with a live session. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user || !ctx.session) {
    throw new TRPCError({
      code: "UNAUTHORIZED",
      message: DOMAIN_ERROR_MESSAGES.UNAUTHENTICATED.th,
    });
  }
  return next({ ctx: { ...ctx, user: ctx.user, session: ctx.session } });
});
