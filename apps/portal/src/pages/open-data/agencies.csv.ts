import type { APIRoute } from "astro";
import { agenciesCsv, csvResponse, latest } from "../../lib/open-data.ts";
import { publicOrigin } from "../../lib/urls.ts";

export const GET: APIRoute = async ({ locals, url }) => {
  const agencies = await locals.api.public.openAgencies();
  return csvResponse(
    agenciesCsv(agencies, publicOrigin(url)),
    "agencies.csv",
    latest(agencies.flatMap((a) => [a.updatedAt, a.lastPublishedAt])),
  );
};
