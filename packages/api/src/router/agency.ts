import { AgencyPageInput, SlugRefInput } from "@ita/domain/schemas";
import type { TRPCRouterRecord } from "@trpc/server";
import { getAgencyProfile } from "../agencies/get-agency-profile.ts";
import { getAgencyDisclosures } from "../disclosures/get-agency-disclosures.ts";
import { publicProcedure } from "../trpc.ts";

export const agencyRouter = {
  bySlug: publicProcedure
    .input(SlugRefInput)
    .query(({ ctx, input }) => getAgencyProfile({ ctx, input })),
  disclosures: publicProcedure
    .input(AgencyPageInput)
    .query(({ ctx, input }) => getAgencyDisclosures({ ctx, input })),
} satisfies TRPCRouterRecord;
