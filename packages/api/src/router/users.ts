import {
  AgencyUserInput,
  InviteUserInput,
  RoleGrantAnswerInput,
  SetUserRolesInput,
} from "@ita/domain/schemas";
import type { TRPCRouterRecord } from "@trpc/server";
import { agencyProcedure } from "../authz/procedures.ts";
import { inviteUser, listAgencyUsers, setUserRoles } from "../users/manage-users.ts";
import { removeMember } from "../users/remove-member.ts";
import { createPasswordResetLink, resetTwoFactor } from "../users/reset-access.ts";
import { answerRoleGrant } from "../users/role-grants.ts";

const admins = { roles: ["agency-admin"] } as const;

export const usersRouter = {
  list: agencyProcedure(admins).query(({ ctx }) => listAgencyUsers({ ctx })),
  invite: agencyProcedure(admins)
    .input(InviteUserInput)
    .mutation(({ ctx, input }) => inviteUser({ ctx, input })),
  setRoles: agencyProcedure(admins)
    .input(SetUserRolesInput)
    .mutation(({ ctx, input }) => setUserRoles({ ctx, input })),
  answerRoleGrant: agencyProcedure(admins)
    .input(RoleGrantAnswerInput)
    .mutation(({ ctx, input }) => answerRoleGrant({ ctx, input })),
  createResetLink: agencyProcedure(admins)
    .input(AgencyUserInput)
    .mutation(({ ctx, input }) => createPasswordResetLink({ ctx, input })),
  resetTwoFactor: agencyProcedure(admins)
    .input(AgencyUserInput)
    .mutation(({ ctx, input }) => resetTwoFactor({ ctx, input })),
  /** Staff who leave: roles here end; an account of this agency alone is disabled. */
  remove: agencyProcedure(admins)
    .input(AgencyUserInput)
    .mutation(({ ctx, input }) => removeMember({ ctx, input })),
} satisfies TRPCRouterRecord;
