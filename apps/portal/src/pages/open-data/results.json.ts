import type { APIRoute } from "astro";
import { jsonResponse, latest, loadOpenResults, resultsJson } from "../../lib/open-data.ts";
import { publicOrigin } from "../../lib/urls.ts";

export const GET: APIRoute = async (context) => {
  const results = await loadOpenResults(context);
  if (results instanceof Response) return results;
  return jsonResponse(
    resultsJson(results, publicOrigin(context.url)),
    latest(results.map((r) => r.updatedAt)),
  );
};
