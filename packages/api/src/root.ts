import { agencyRouter } from "./router/agency.ts";
import { authRouter } from "./router/auth.ts";
import { frameworkRouter } from "./router/framework.ts";
import { publicRouter } from "./router/public.ts";
import { createTRPCRouter } from "./trpc.ts";

export const appRouter = createTRPCRouter({
  agency: agencyRouter,
  auth: authRouter,
  framework: frameworkRouter,
  public: publicRouter,
});

export type AppRouter = typeof appRouter;
