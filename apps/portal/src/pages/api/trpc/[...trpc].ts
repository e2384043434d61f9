import { handleTrpcRequest } from "@ita/api";
import type { APIRoute } from "astro";

export const ALL: APIRoute = ({ request, locals }) =>
  handleTrpcRequest(request, { db: locals.db, client: locals.client });
