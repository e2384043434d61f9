import { handleTrpcRequest } from "@ita/api";
import type { APIRoute } from "astro";

export const ALL: APIRoute = ({ request, locals, clientAddress }) =>
  handleTrpcRequest(request, { db: locals.db, ip: clientAddress });
