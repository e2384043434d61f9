import { accessStatsRouter } from "./router/access-stats.ts";
import { complaintsRouter } from "./complaints/router.ts";
import { agencyRouter } from "./router/agency.ts";
import { agencyAdminRouter } from "./router/agency-admin.ts";
import { auditRouter } from "./router/audit.ts";
import { authRouter } from "./router/auth.ts";
import { entriesRouter } from "./router/entries.ts";
import { frameworkRouter } from "./router/framework.ts";
import { holidaysRouter } from "./router/holidays.ts";
import { measuresRouter } from "./router/measures.ts";
import { invitationsRouter } from "./router/invitations.ts";
import { notificationsRouter } from "./router/notifications.ts";
import { oversightRouter } from "./router/oversight.ts";
import { publicRouter } from "./router/public.ts";
import { resultsRouter } from "./router/results.ts";
import { systemRolesRouter } from "./router/system-roles.ts";
import { usersRouter } from "./router/users.ts";
import { createTRPCRouter } from "./trpc.ts";

export const appRouter = createTRPCRouter({
  accessStats: accessStatsRouter,
  agency: agencyRouter,
  agencyAdmin: agencyAdminRouter,
  audit: auditRouter,
  auth: authRouter,
  complaints: complaintsRouter,
  entries: entriesRouter,
  framework: frameworkRouter,
  holidays: holidaysRouter,
  invitations: invitationsRouter,
  measures: measuresRouter,
  notifications: notificationsRouter,
  oversight: oversightRouter,
  public: publicRouter,
  results: resultsRouter,
  systemRoles: systemRolesRouter,
  users: usersRouter,
});

export type AppRouter = typeof appRouter;
