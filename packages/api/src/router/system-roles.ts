import {
  GrantCoordinatorInput,
  GrantSystemAdminInput,
  RevokeCoordinatorInput,
  RevokeSystemAdminInput,
} from "@ita/domain/schemas";
import type { TRPCRouterRecord } from "@trpc/server";
import { systemProcedure } from "../authz/procedures.ts";
import {
  grantCoordinator,
  grantSystemAdmin,
  listSystemRoles,
  revokeCoordinator,
  revokeSystemAdmin,
} from "../users/system-roles.ts";

/** Province coordinators and system administrators: kept by system administrators only (ADR 0026). */
export const systemRolesRouter = {
  list: systemProcedure.query(({ ctx }) => listSystemRoles({ ctx })),
  grantCoordinator: systemProcedure
    .input(GrantCoordinatorInput)
    .mutation(({ ctx, input }) => grantCoordinator({ ctx, input })),
  revokeCoordinator: systemProcedure
    .input(RevokeCoordinatorInput)
    .mutation(({ ctx, input }) => revokeCoordinator({ ctx, input })),
  grantSystemAdmin: systemProcedure
    .input(GrantSystemAdminInput)
    .mutation(({ ctx, input }) => grantSystemAdmin({ ctx, input })),
  revokeSystemAdmin: systemProcedure
    .input(RevokeSystemAdminInput)
    .mutation(({ ctx, input }) => revokeSystemAdmin({ ctx, input })),
} satisfies TRPCRouterRecord;
