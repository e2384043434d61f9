import { createApiClient } from "@ita/api/client";

/** The one tRPC client of the admin app (same origin, session cookie). */
export const api = createApiClient("/api/trpc");
