import { isSameOriginRequest } from "@ita/auth";
import type { Database } from "@ita/db";
import { DOMAIN_ERROR_MESSAGES } from "@ita/domain/errors";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext } from "./context.ts";
import { appRouter } from "./root.ts";

export const TRPC_ENDPOINT = "/api/trpc";

/**
 * The HTTP entry of the API (apps re-use it rather than importing @trpc/server).
 * Cross-site mutations are refused before any procedure runs.
 */
export async function handleTrpcRequest(
  req: Request,
  options: { db: Database; ip?: string | null },
): Promise<Response> {
  if (!isSameOriginRequest(req)) {
    return Response.json(
      {
        error: {
          message: DOMAIN_ERROR_MESSAGES.FORBIDDEN.th,
          data: { code: "FORBIDDEN", reason: "cross-site request" },
        },
      },
      { status: 403 },
    );
  }
  const response = await fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req,
    router: appRouter,
    createContext: ({ resHeaders }) =>
      createContext({ db: options.db, req, resHeaders, ip: options.ip }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
  // API answers are per user: never cached by shared caches.
  response.headers.set("cache-control", "no-store");
  return response;
}
