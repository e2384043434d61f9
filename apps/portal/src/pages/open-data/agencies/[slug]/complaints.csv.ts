import type { APIRoute } from "astro";
import {
  complaintStatisticsCsv,
  loadComplaintStatistics,
} from "../../../../lib/complaint-open-data.ts";
import { csvResponse } from "../../../../lib/open-data.ts";

export const GET: APIRoute = async (context) => {
  const stats = await loadComplaintStatistics(context);
  if (stats instanceof Response) return stats;
  return csvResponse(
    complaintStatisticsCsv(stats),
    `${stats.agency.slug}-complaints-${stats.fiscalYear}.csv`,
  );
};
