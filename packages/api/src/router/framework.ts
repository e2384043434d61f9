import type { TRPCRouterRecord } from "@trpc/server";
import { listFrameworks } from "../frameworks/list-frameworks.ts";
import { publicProcedure } from "../trpc.ts";

export const frameworkRouter = {
  list: publicProcedure.query(({ ctx }) => listFrameworks({ ctx })),
} satisfies TRPCRouterRecord;
