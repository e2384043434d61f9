import {
  ChangePasswordInput,
  OneTimeTokenInput,
  RedeemTokenInput,
  SessionRefInput,
  SignInInput,
  TwoFactorCodeInput,
} from "@ita/domain/schemas";
import type { TRPCRouterRecord } from "@trpc/server";
import { changePassword } from "../auth/change-password.ts";
import { listSessions, revokeSession, signOutEverywhere } from "../auth/manage-sessions.ts";
import { getMe } from "../auth/me.ts";
import { checkOneTimeToken, redeemOneTimeToken } from "../auth/one-time-links.ts";
import { signIn } from "../auth/sign-in.ts";
import { signOut } from "../auth/sign-out.ts";
import { beginTotpEnrolment, confirmTotpEnrolment, verifyTwoFactor } from "../auth/two-factor.ts";
import { staffProcedure } from "../authz/procedures.ts";
import { authedProcedure, publicProcedure } from "../trpc.ts";

export const authRouter = {
  me: publicProcedure.query(({ ctx }) => getMe({ ctx })),
  signIn: publicProcedure.input(SignInInput).mutation(({ ctx, input }) => signIn({ ctx, input })),
  signOut: publicProcedure.mutation(({ ctx }) => signOut({ ctx })),
  // The second factor: allowed to a session that has only the password.
  beginTotpEnrolment: authedProcedure.mutation(({ ctx }) => beginTotpEnrolment({ ctx })),
  confirmTotpEnrolment: authedProcedure
    .input(TwoFactorCodeInput)
    .mutation(({ ctx, input }) => confirmTotpEnrolment({ ctx, input })),
  verifyTwoFactor: authedProcedure
    .input(TwoFactorCodeInput)
    .mutation(({ ctx, input }) => verifyTwoFactor({ ctx, input })),
  sessions: staffProcedure.query(({ ctx }) => listSessions({ ctx })),
  revokeSession: staffProcedure
    .input(SessionRefInput)
    .mutation(({ ctx, input }) => revokeSession({ ctx, input })),
  signOutEverywhere: staffProcedure.mutation(({ ctx }) => signOutEverywhere({ ctx })),
  changePassword: staffProcedure
    .input(ChangePasswordInput)
    .mutation(({ ctx, input }) => changePassword({ ctx, input })),
  checkLink: publicProcedure
    .input(OneTimeTokenInput)
    .query(({ ctx, input }) => checkOneTimeToken({ ctx, input })),
  redeemLink: publicProcedure
    .input(RedeemTokenInput)
    .mutation(({ ctx, input }) => redeemOneTimeToken({ ctx, input })),
} satisfies TRPCRouterRecord;
