import { isSameOriginRequest, type ClientInfo } from "@ita/auth";
import type { Database } from "@ita/db";
import { DOMAIN_ERROR_MESSAGES } from "@ita/domain/errors";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { isUnbatchedPath, MAX_BATCH_SIZE } from "./batching.ts";
import { createContext } from "./context.ts";
import { appRouter } from "./root.ts";

export const TRPC_ENDPOINT = "/api/trpc";

function batchesAuthProcedure(req: Request): boolean {
  const url = new URL(req.url);
  if (url.searchParams.get("batch") !== "1") return false;
  const paths = decodeURIComponent(url.pathname.slice(TRPC_ENDPOINT.length + 1)).split(",");
  return paths.length > 1 && paths.some(isUnbatchedPath);
}

const refusal = (status: number, code: string, th: string, en: string) =>
  Response.json(
    { error: { message: th, data: { code, messageTh: th, messageEn: en } } },
    { status, headers: { "cache-control": "no-store" } },
  );

/**
 * The HTTP entry of the API (apps re-use it rather than importing @trpc/server).
 * Cross-site mutations are refused before any procedure runs.
 */
export async function handleTrpcRequest(
  req: Request,
  options: { db: Database; client?: ClientInfo },
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
  if (batchesAuthProcedure(req)) {
    return refusal(
      400,
      "BAD_REQUEST",
      "คำขอเข้าสู่ระบบต้องส่งทีละรายการ",
      "Sign-in requests must be sent one at a time, not batched.",
    );
  }
  const response = await fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    maxBatchSize: MAX_BATCH_SIZE,
    req,
    router: appRouter,
    createContext: ({ resHeaders }) =>
      createContext({
        db: options.db,
        req,
        resHeaders,
        ip: options.client?.ip ?? null,
        https: options.client?.https,
      }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
  // API answers are per user: never cached by shared caches.
  response.headers.set("cache-control", "no-store");
  return response;
}
