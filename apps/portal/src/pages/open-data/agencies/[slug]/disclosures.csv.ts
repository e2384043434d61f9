import type { APIRoute } from "astro";
import {
  csvResponse,
  disclosuresCsv,
  latest,
  loadOpenDisclosures,
} from "../../../../lib/open-data.ts";
import { publicOrigin } from "../../../../lib/urls.ts";

export const GET: APIRoute = async (context) => {
  const data = await loadOpenDisclosures(context);
  if (data instanceof Response) return data;
  const name = `${data.agency.slug}-disclosures${data.fiscalYear ? `-${data.fiscalYear}` : ""}.csv`;
  return csvResponse(
    disclosuresCsv(data, publicOrigin(context.url)),
    name,
    latest(data.entries.map((e) => e.publishedAt)),
  );
};
