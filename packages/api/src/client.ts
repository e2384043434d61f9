import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "./root.ts";

/** Typed browser client for the admin app (same origin, cookie session). */
export function createApiClient(url = "/api/trpc") {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url,
        transformer: superjson,
        fetch: (input, init) => fetch(input, { ...init, credentials: "same-origin" }),
      }),
    ],
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;
