import type { APIRoute } from "astro";
import {
  complaintStatisticsJson,
  loadComplaintStatistics,
} from "../../../../lib/complaint-open-data.ts";
import { jsonResponse } from "../../../../lib/open-data.ts";

export const GET: APIRoute = async (context) => {
  const stats = await loadComplaintStatistics(context);
  if (stats instanceof Response) return stats;
  return jsonResponse(complaintStatisticsJson(stats));
};
