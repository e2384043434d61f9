import { SignInInput } from "@ita/domain/schemas";
import type { TRPCRouterRecord } from "@trpc/server";
import { signIn } from "../auth/sign-in.ts";
import { signOut } from "../auth/sign-out.ts";
import { publicProcedure } from "../trpc.ts";

export const authRouter = {
  me: publicProcedure.query(({ ctx }) => ctx.user),
  signIn: publicProcedure.input(SignInInput).mutation(({ ctx, input }) => signIn({ ctx, input })),
  signOut: publicProcedure.mutation(({ ctx }) => signOut({ ctx })),
} satisfies TRPCRouterRecord;
