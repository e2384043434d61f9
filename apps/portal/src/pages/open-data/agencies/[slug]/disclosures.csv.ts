import type { APIRoute } from "astro";
import { csvResponse, disclosuresCsv, latest } from "../../../../lib/open-data.ts";
import { isNotFound } from "../../../../lib/page-errors.ts";
import { publicOrigin } from "../../../../lib/urls.ts";

export const GET: APIRoute = async ({ locals, url, params, rewrite }) => {
  let data;
  try {
    data = await locals.api.public.openDisclosures({ slug: params.slug ?? "", fiscalYear: (url.searchParams.get("fy") ?? undefined) as unknown as number });
  } catch (error) {
    if (isNotFound(error)) return rewrite("/404");
    throw error;
  }
  const name = `${data.agency.slug}-disclosures${data.fiscalYear ? `-${data.fiscalYear}` : ""}.csv`;
  return csvResponse(disclosuresCsv(data, publicOrigin(url)), name, latest(data.entries.map((e) => e.publishedAt)));
};
