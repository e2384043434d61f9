import type { Database } from "@ita/db";
import { isDomainError } from "@ita/domain/errors";
import { ZodError } from "zod";
import { sessionIsFullyVerified, type StaffContext } from "../authz/procedures.ts";
import { createContext } from "../context.ts";
import { getAttachmentFile, type AttachmentFile } from "../documents/get-attachment-file.ts";
import { errorResponse, internalErrorResponse, STATUS } from "./http-errors.ts";

/**
 * GET /api/attachments/<id>/<name> (`staffFilePath`) — a file of an entry for its staff,
 * drafts included: the approver opens what they are asked to publish. Same session,
 * two-factor and reader checks as `entries.attachmentText`; `respond` streams the bytes
 * (the portal's file response, so both apps send files one way).
 */
export async function handleAttachmentDownload(
  req: Request,
  options: {
    db: Database;
    ip?: string | null;
    attachmentId: string;
    respond: (file: AttachmentFile) => Promise<Response | null>;
  },
): Promise<Response> {
  if (req.method !== "GET" && req.method !== "HEAD")
    return new Response(null, { status: 405, headers: { allow: "GET, HEAD" } });
  const ctx = await createContext({ db: options.db, req, ip: options.ip });
  if (!ctx.user || !ctx.session) return errorResponse("UNAUTHENTICATED", 401);
  if (!sessionIsFullyVerified(ctx.user, ctx.session))
    return errorResponse("TWO_FACTOR_REQUIRED", 403);
  try {
    const file = await getAttachmentFile({
      ctx: ctx as StaffContext,
      input: { attachmentId: options.attachmentId },
    });
    return (await options.respond(file)) ?? errorResponse("NOT_FOUND", 404);
  } catch (error) {
    if (error instanceof ZodError) return errorResponse("NOT_FOUND", 404);
    if (isDomainError(error)) return errorResponse(error.code, STATUS[error.code] ?? 400);
    console.error("download failed:", error);
    return internalErrorResponse();
  }
}
