import { createTRPCClient, httpBatchLink, httpLink, splitLink } from "@trpc/client";
import superjson from "superjson";
import { isUnbatchedPath, MAX_BATCH_SIZE } from "./batching.ts";
import type { AppRouter } from "./root.ts";

/** Typed browser client for the admin app (same origin, cookie session). */
export function createApiClient(url = "/api/trpc") {
  const fetchSameOrigin: typeof fetch = (input, init) =>
    fetch(input, { ...init, credentials: "same-origin" });
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => isUnbatchedPath(op.path),
        true: httpLink({ url, transformer: superjson, fetch: fetchSameOrigin }),
        false: httpBatchLink({
          url,
          transformer: superjson,
          maxItems: MAX_BATCH_SIZE,
          fetch: fetchSameOrigin,
        }),
      }),
    ],
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;
