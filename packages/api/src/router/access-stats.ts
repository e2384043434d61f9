import { FiscalYearInput } from "@ita/domain/schemas";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { getAccessStats } from "../access-stats/get-access-stats.ts";
import { agencyProcedure } from "../authz/procedures.ts";

export const accessStatsRouter = {
  // The agency's administrators and the province's coordinators (read scope `statistics`).
  quarterly: agencyProcedure({ roles: ["agency-admin"], read: "statistics" })
    .input(z.object({ fiscalYear: FiscalYearInput }))
    .query(({ ctx, input }) => getAccessStats({ ctx, input })),
} satisfies TRPCRouterRecord;
