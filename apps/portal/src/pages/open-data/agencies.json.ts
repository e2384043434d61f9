import type { APIRoute } from "astro";
import { agenciesJson, jsonResponse, latest } from "../../lib/open-data.ts";
import { publicOrigin } from "../../lib/urls.ts";

export const GET: APIRoute = async ({ locals, url }) => {
  const agencies = await locals.api.public.openAgencies();
  return jsonResponse(
    agenciesJson(agencies, publicOrigin(url)),
    latest(agencies.flatMap((a) => [a.updatedAt, a.lastPublishedAt])),
  );
};
