import { handleAttachmentDownload } from "@ita/api";
import type { APIRoute } from "astro";
import { fileResponse } from "../../../../lib/file-response.ts";

// A file of an entry for its staff (`staffFilePath`): the checks are in @ita/api, the
// bytes go out as the public files do. The name in the URL is for people and downloads.
export const GET: APIRoute = ({ params, request, locals }) =>
  handleAttachmentDownload(request, {
    db: locals.db,
    ip: locals.client.ip,
    attachmentId: params.id ?? "",
    respond: (file) => fileResponse(request, file, undefined, "staff"),
  });
