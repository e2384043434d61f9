import type { APIRoute } from "astro";
import {
  disclosuresJson,
  jsonResponse,
  latest,
  loadOpenDisclosures,
} from "../../../../lib/open-data.ts";
import { publicOrigin } from "../../../../lib/urls.ts";

export const GET: APIRoute = async (context) => {
  const data = await loadOpenDisclosures(context);
  if (data instanceof Response) return data;
  return jsonResponse(
    disclosuresJson(data, publicOrigin(context.url)),
    latest(data.entries.map((e) => e.publishedAt)),
  );
};
