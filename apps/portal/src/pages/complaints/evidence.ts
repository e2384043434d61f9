/**
 * The complainant downloads one of their own evidence files from the tracking page
 * (issue #11). POST only: the receipt code travels in the body, never in a URL, a
 * history entry, a log line or a cache. The code is checked as tracking checks it
 * (constant time, the same per-client throttle, `complaints.ownEvidence`), the file is
 * decrypted with the complaint's key and sent as an attachment that no cache may keep.
 * A plain form button, so it works without JavaScript.
 */
import { COMPLAINT_MESSAGES } from "@ita/domain/complaints";
import { DOMAIN_ERROR_MESSAGES } from "@ita/domain/errors";
import type { APIRoute } from "astro";
import { complaintCaller } from "../../lib/complaint-caller.ts";
import { contentDisposition } from "../../lib/content-disposition.ts";
import { inputErrorMessage } from "../../lib/page-errors.ts";

const PRIVATE_HEADERS = {
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Thai, then English: the answer is a plain page of its own (the tracking page is one step back). */
const answer = (status: number, th: string, en: string) =>
  new Response(`${th}\n\n${en}\n`, {
    status,
    headers: { ...PRIVATE_HEADERS, "content-type": "text/plain; charset=utf-8" },
  });

export const POST: APIRoute = async ({ request, locals }) => {
  const form = await request.formData().catch(() => null);
  const code = form?.get("code");
  const fileId = form?.get("file");
  if (typeof code !== "string" || typeof fileId !== "string" || !UUID.test(fileId))
    return answer(400, COMPLAINT_MESSAGES.fileGone.th, COMPLAINT_MESSAGES.fileGone.en);
  const api = await complaintCaller(locals);
  try {
    const file = await api.complaints.ownEvidence({ code: code.slice(0, 100), fileId });
    return new Response(Buffer.from(file.base64, "base64"), {
      headers: {
        ...PRIVATE_HEADERS,
        "content-type": file.contentType,
        "content-disposition": contentDisposition("attachment", file.name),
      },
    });
  } catch (e) {
    if ((e as { code?: string }).code === "TOO_MANY_REQUESTS")
      return answer(
        429,
        DOMAIN_ERROR_MESSAGES.RATE_LIMITED.th,
        DOMAIN_ERROR_MESSAGES.RATE_LIMITED.en,
      );
    const th = inputErrorMessage(e, "th");
    const en = inputErrorMessage(e, "en");
    if (th && en) return answer(400, th, en);
    throw e;
  }
};
