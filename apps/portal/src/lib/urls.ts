import { env } from "../env.ts";

/**
 * Absolute URLs for feeds, sitemaps and open data: PUBLIC_URL, else (development only:
 * production requires PUBLIC_URL) the request's own origin.
 */
export function publicOrigin(requestUrl: URL, configured = env.PUBLIC_URL): string {
  return (configured ?? requestUrl.origin).replace(/\/$/, "");
}
