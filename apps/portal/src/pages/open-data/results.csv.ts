import type { APIRoute } from "astro";
import { csvResponse, latest, loadOpenResults, resultsCsv } from "../../lib/open-data.ts";
import { publicOrigin } from "../../lib/urls.ts";

export const GET: APIRoute = async (context) => {
  const results = await loadOpenResults(context);
  if (results instanceof Response) return results;
  return csvResponse(
    resultsCsv(results, publicOrigin(context.url)),
    "ita-results.csv",
    latest(results.map((r) => r.updatedAt)),
  );
};
