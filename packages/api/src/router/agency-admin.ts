import { AgencyProfileInput } from "@ita/domain/schemas";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import {
  getAgencyProfileForEdit,
  listMyAgencies,
  updateAgencyProfile,
} from "../agency-admin/agency-profile.ts";
import { agencyProcedure, staffProcedure } from "../authz/procedures.ts";

export const agencyAdminRouter = {
  mine: staffProcedure
    .input(z.object({ q: z.string().trim().max(100).optional() }).optional())
    .query(({ ctx, input }) => listMyAgencies({ ctx, input })),
  profile: agencyProcedure({ read: "profile" }).query(({ ctx }) =>
    getAgencyProfileForEdit({ ctx }),
  ),
  updateProfile: agencyProcedure({ roles: ["agency-admin"] })
    .input(AgencyProfileInput)
    .mutation(({ ctx, input }) => updateAgencyProfile({ ctx, input })),
} satisfies TRPCRouterRecord;
