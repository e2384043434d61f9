import { InvitationAnswerInput } from "@ita/domain/schemas";
import type { TRPCRouterRecord } from "@trpc/server";
import { staffProcedure } from "../authz/procedures.ts";
import { answerInvitation, listMyInvitations } from "../users/invitations.ts";

/** The signed-in account's own invitations: scoped to `ctx.user`, never to an id from input. */
export const invitationsRouter = {
  mine: staffProcedure.query(({ ctx }) => listMyInvitations({ ctx })),
  answer: staffProcedure
    .input(InvitationAnswerInput)
    .mutation(({ ctx, input }) => answerInvitation({ ctx, input })),
} satisfies TRPCRouterRecord;
