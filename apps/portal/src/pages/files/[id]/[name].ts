import type { APIRoute } from "astro";
import { fileResponse } from "../../../lib/file-response.ts";
import { isNotFound } from "../../../lib/page-errors.ts";
import { filePath } from "@ita/domain/paths";

/** /files/<attachment id>/<file name>: only files of what the public may see. */
export const GET: APIRoute = async ({ params, locals, request, rewrite, redirect }) => {
  let file;
  try {
    file = await locals.api.public.attachment({ id: params.id ?? "" });
  } catch (error) {
    if (isNotFound(error)) return rewrite("/404");
    throw error;
  }
  // The name is part of the URL for people and download managers; one canonical form.
  if (params.name !== file.fileName) return redirect(filePath(file.id, file.fileName), 301);
  return (await fileResponse(request, file)) ?? rewrite("/404");
};
