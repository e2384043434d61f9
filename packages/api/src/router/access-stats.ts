import { FiscalYearInput } from "@ita/domain/schemas";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { exportAccessStats } from "../access-stats/export-access-stats.ts";
import { getAccessStats } from "../access-stats/get-access-stats.ts";
import { exportSiteSearches } from "../access-stats/export-site-searches.ts";
import { getSiteSearches } from "../access-stats/get-site-searches.ts";
import { agencyProcedure, provinceProcedure } from "../authz/procedures.ts";

// The agency's administrators and the province's coordinators (read scope `statistics`).
const readers = { roles: ["agency-admin"], read: "statistics" } as const;

export const accessStatsRouter = {
  quarterly: agencyProcedure(readers)
    .input(z.object({ fiscalYear: FiscalYearInput }))
    .query(({ ctx, input }) => getAccessStats({ ctx, input })),
  /** The same figures as an XLSX workbook for the executives' quarterly report. */
  exportXlsx: agencyProcedure(readers)
    .input(z.object({ fiscalYear: FiscalYearInput }))
    .query(({ ctx, input }) => exportAccessStats({ ctx, input })),
  /** Site-wide searches per quarter: for province coordinators and system administrators. */
  siteSearches: provinceProcedure
    .input(z.object({ fiscalYear: FiscalYearInput }))
    .query(({ ctx, input }) => getSiteSearches({ ctx, input })),
  /** The site-wide searches as an XLSX workbook, laid out as an agency's report. */
  exportSiteSearchesXlsx: provinceProcedure
    .input(z.object({ fiscalYear: FiscalYearInput }))
    .query(({ ctx, input }) => exportSiteSearches({ ctx, input })),
} satisfies TRPCRouterRecord;
