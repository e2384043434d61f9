import { isSameOriginRequest } from "@ita/auth";
import type { Database } from "@ita/db";
import { createFileStore, type FileStore } from "@ita/db/files";
import { isDomainError } from "@ita/domain/errors";
import { AgencyIdInput, IdInput } from "@ita/domain/schemas";
import { z, ZodError } from "zod";
import { authorizeAgency, authorizeEntry } from "../authz/authorize.ts";
import { englishFieldErrors } from "../authz/field-error.ts";
import { sessionIsFullyVerified, type StaffContext } from "../authz/procedures.ts";
import { createContext } from "../context.ts";
import { addAttachment, createEntryFromFile } from "./add-attachment.ts";
import { MAX_UPLOAD_BYTES, tooLargeMessage } from "./inspect-file.ts";
import { readLimitedBody } from "../read-limited-body.ts";
import { errorResponse, internalErrorResponse, STATUS } from "./http-errors.ts";

export const UPLOAD_ENDPOINT = "/api/uploads";

const Target = z.union([
  z.object({ entryId: IdInput("รายการ") }),
  z.object({ agencyId: AgencyIdInput, fiscalYear: z.string(), itemCode: z.string() }),
]);

/**
 * POST /api/uploads — one file per request, so the admin shows a progress bar per file
 * (XMLHttpRequest upload progress). The body is the file; its name comes URI-encoded in
 * `X-File-Name`. `?entryId=` attaches to an entry; `?agencyId=&fiscalYear=&itemCode=`
 * makes a new draft from the file (bulk upload). Same session, two-factor and role
 * checks as the tRPC procedures.
 */
export async function handleUploadRequest(
  req: Request,
  options: { db: Database; ip?: string | null; files?: FileStore },
): Promise<Response> {
  if (req.method !== "POST") return new Response(null, { status: 405, headers: { allow: "POST" } });
  if (!isSameOriginRequest(req)) return errorResponse("FORBIDDEN", 403);
  const ctx = await createContext({ db: options.db, req, ip: options.ip });
  if (!ctx.user || !ctx.session) return errorResponse("UNAUTHENTICATED", 401);
  if (!sessionIsFullyVerified(ctx.user, ctx.session))
    return errorResponse("TWO_FACTOR_REQUIRED", 403);
  const staff = ctx as StaffContext;
  const files = options.files ?? createFileStore();
  try {
    const params = Object.fromEntries(new URL(req.url).searchParams);
    const target = Target.parse(params);
    let fileName = "ไฟล์แนบ";
    try {
      fileName = decodeURIComponent(req.headers.get("x-file-name") ?? fileName);
    } catch {
      // a malformed name falls back to the default
    }
    // Who may upload here is decided before a byte of the body is read: a stranger's
    // 25 MB is refused without being received.
    const authorized =
      "entryId" in target
        ? await authorizeEntry(staff, staff.user, target.entryId, { roles: ["editor"] })
        : {
            entry: null,
            agency: await authorizeAgency(staff, staff.user, target.agencyId, {
              roles: ["editor"],
            }),
          };
    if (authorized.agency.readOnly || !authorized.agency.roles.has("editor"))
      return errorResponse("FORBIDDEN", 403);
    const bytes = await readLimitedBody(req, MAX_UPLOAD_BYTES);
    if (!bytes) {
      const { th, en } = tooLargeMessage();
      return errorResponse("INVALID_INPUT", 413, { file: [th] }, { file: [en] });
    }
    const { agency, entry } = authorized;
    if ("entryId" in target) {
      const result = await addAttachment({
        ctx: { ...staff, agency, entry: entry! },
        input: { fileName, bytes },
        files,
      });
      return Response.json(result, { status: 201, headers: { "cache-control": "no-store" } });
    }
    const result = await createEntryFromFile({
      ctx: { ...staff, agency },
      input: { fileName, bytes, fiscalYear: target.fiscalYear, itemCode: target.itemCode },
      files,
    });
    return Response.json(result, { status: 201, headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof ZodError)
      return errorResponse(
        "INVALID_INPUT",
        400,
        z.flattenError(error).fieldErrors as Record<string, string[]>,
        englishFieldErrors(error),
      );
    if (isDomainError(error)) return errorResponse(error.code, STATUS[error.code] ?? 400);
    console.error("upload failed:", error);
    return internalErrorResponse();
  }
}
