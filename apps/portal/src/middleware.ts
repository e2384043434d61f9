import { createCaller, createContext } from "@ita/api";
import { defineMiddleware } from "astro:middleware";
import { getDatabase } from "./lib/database.ts";
import { parseLang } from "./lib/i18n.ts";
import { applySecurityHeaders } from "./lib/security-headers.ts";

const LANG_COOKIE = "lang";

export const onRequest = defineMiddleware(async (context, next) => {
  const db = await getDatabase();
  context.locals.db = db;
  // Language: ?lang= switches and is remembered in a cookie; Thai by default.
  const fromQuery = parseLang(context.url.searchParams.get("lang"));
  if (fromQuery) context.cookies.set(LANG_COOKIE, fromQuery, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 31536000 });
  context.locals.lang = fromQuery ?? parseLang(context.cookies.get(LANG_COOKIE)?.value) ?? "th";
  context.locals.api = createCaller(await createContext({ db }));
  const response = await next();
  return applySecurityHeaders(response, context.url);
});
