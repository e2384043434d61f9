import { env } from "../env.ts";

/** Absolute URLs for feeds, sitemaps and open data: the configured public origin, else the request's. */
export function publicOrigin(requestUrl: URL): string {
  return (env.PUBLIC_ORIGIN ?? requestUrl.origin).replace(/\/$/, "");
}
