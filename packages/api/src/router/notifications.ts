import type { TRPCRouterRecord } from "@trpc/server";
import { staffProcedure } from "../authz/procedures.ts";
import { listNotifications } from "../notifications/list-notifications.ts";

export const notificationsRouter = {
  list: staffProcedure.query(({ ctx }) => listNotifications({ ctx })),
} satisfies TRPCRouterRecord;
