import { createCaller, createContext, isSameOriginRequest, resolveClient } from "@ita/api";
import { defineMiddleware } from "astro:middleware";
import { env } from "./env.ts";
import { getDatabase } from "./lib/database.ts";
import { withConditionalCaching } from "./lib/http-cache.ts";
import { LANG_COOKIE, parseLang } from "./lib/i18n.ts";
import { settlePublicChanges } from "./lib/page-cache/settle.ts";
import { applySecurityHeaders } from "./lib/security-headers.ts";

export const onRequest = defineMiddleware(async (context, next) => {
  // Form posts (complaints) must come from our own pages; the API checks its own.
  if (!context.url.pathname.startsWith("/api/") && !isSameOriginRequest(context.request))
    return new Response("Cross-site form submissions are forbidden", { status: 403 });
  const db = await getDatabase();
  context.locals.db = db;
  context.locals.client = resolveClient(
    context.request.headers,
    { address: context.clientAddress ?? null, https: context.url.protocol === "https:" },
    env.TRUSTED_PROXY_HOPS,
  );
  // Language: ?lang= switches and is remembered in a cookie; Thai by default.
  const fromQuery = parseLang(context.url.searchParams.get("lang"));
  if (fromQuery)
    context.cookies.set(LANG_COOKIE, fromQuery, {
      path: "/",
      sameSite: "lax",
      httpOnly: true,
      maxAge: 31536000,
    });
  context.locals.lang = fromQuery ?? parseLang(context.cookies.get(LANG_COOKIE)?.value) ?? "th";
  context.locals.api = createCaller(await createContext({ db }));
  const response = await next();
  if (context.request.method !== "GET" && context.request.method !== "HEAD")
    await settlePublicChanges();
  if (context.url.pathname.startsWith("/api/")) return applySecurityHeaders(response, context.url);
  const type = response.headers.get("content-type") ?? "";
  // Pages are rendered in the language of the cookie: shared caches must key on it.
  if (type.startsWith("text/html")) {
    response.headers.set("vary", "Cookie");
    if (type === "text/html") response.headers.set("content-type", "text/html; charset=utf-8");
  }
  // A response that sets the language cookie is personal: validate, but never share it.
  if (fromQuery) response.headers.set("cache-control", "private, no-cache");
  return applySecurityHeaders(await withConditionalCaching(context.request, response), context.url);
});
