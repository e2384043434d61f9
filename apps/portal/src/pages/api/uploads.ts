import { handleUploadRequest } from "@ita/api";
import type { APIRoute } from "astro";

// The admin's file uploads (one file per request, for per-file progress bars). All
// checks — session, two-factor, role, type and size from the content — are in @ita/api.
export const POST: APIRoute = ({ request, locals }) =>
  handleUploadRequest(request, { db: locals.db, ip: locals.client.ip });
