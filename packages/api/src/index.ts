import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./root.ts";
import { appRouter } from "./root.ts";
import { createCallerFactory } from "./trpc.ts";

export { appRouter, type AppRouter } from "./root.ts";
export { createContext, type Context, type CreateContextOptions } from "./context.ts";
export { handleTrpcRequest, TRPC_ENDPOINT } from "./fetch-handler.ts";
export { handleUploadRequest, UPLOAD_ENDPOINT } from "./uploads/handle-upload.ts";
export { handleAttachmentDownload } from "./uploads/handle-download.ts";
export {
  readComplaintFormPost,
  type ComplaintFormPost,
  type EvidenceFormError,
} from "./complaints/evidence-form.ts";
// Apps resolve the client's address with the same rule the API trusts (no direct @ita/auth dependency).
export { resolveClient, type ClientInfo } from "@ita/auth/client-address";
export { isSameOriginRequest } from "@ita/auth";

/** Server-side caller: Astro pages call procedures in-process, not over HTTP. */
export const createCaller = createCallerFactory(appRouter);

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
