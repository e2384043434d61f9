import {
  ImportResultsInput,
  ProvinceYearInput,
  RecordResultInput,
  SetProvinceTargetInput,
} from "@ita/domain/schemas";
import type { TRPCRouterRecord } from "@trpc/server";
import { staffProcedure } from "../authz/procedures.ts";
import { importResults } from "../results/import-results.ts";
import {
  getProvinceResults,
  listResultProvinces,
  setProvinceTarget,
} from "../results/province-results.ts";
import { recordResult } from "../results/record-result.ts";

/**
 * ITA results, kept by the province (coordinators of the agency's province, system
 * administrators): each procedure checks the STORED province (authorizeProvince and
 * authorizeOverseenAgency in authz/authorize.ts).
 */
export const resultsRouter = {
  provinces: staffProcedure.query(({ ctx }) => listResultProvinces({ ctx })),
  province: staffProcedure
    .input(ProvinceYearInput)
    .query(({ ctx, input }) => getProvinceResults({ ctx, input })),
  record: staffProcedure
    .input(RecordResultInput)
    .mutation(({ ctx, input }) => recordResult({ ctx, input })),
  import: staffProcedure
    .input(ImportResultsInput)
    .mutation(({ ctx, input }) => importResults({ ctx, input })),
  setTarget: staffProcedure
    .input(SetProvinceTargetInput)
    .mutation(({ ctx, input }) => setProvinceTarget({ ctx, input })),
} satisfies TRPCRouterRecord;
