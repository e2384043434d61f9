import { CACHEABLE_TYPES } from "../http-cache.ts";
import { LANG_COOKIE } from "../i18n.ts";

/**
 * What the rendered-page cache may hold, and under which key (docs/adr/0018-rendered-page-cache.md). Only what
 * every visitor gets alike: public GET pages, open data, feeds and the sitemap, in Thai or
 * English. Nothing of the admin, the API, complaints or files, nothing asked with a
 * cookie other than the language, and not the response that switches the language.
 */
const NEVER_CACHED = ["/admin", "/api/", "/complaints", "/files/", "/_astro/"];

/** The largest body kept (uncompressed): bigger ones are served but not stored. */
export const MAX_ENTRY_BYTES = 8 * 1024 * 1024;

/** The cache key of a request, or null when it must reach the renderer. */
export function cacheKeyOf(
  method: string | undefined,
  url: string | undefined,
  cookieHeader: string | undefined,
): string | null {
  if ((method !== "GET" && method !== "HEAD") || !url || !url.startsWith("/")) return null;
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  if (NEVER_CACHED.some((prefix) => path === prefix || path.startsWith(prefix))) return null;
  if (queryAt !== -1 && new URLSearchParams(url.slice(queryAt + 1)).has("lang")) return null;
  let lang = "th";
  for (const part of (cookieHeader ?? "").split(";")) {
    const eq = part.indexOf("=");
    const name = part.slice(0, eq === -1 ? undefined : eq).trim();
    if (!name) continue;
    if (name !== LANG_COOKIE) return null; // a session, or anything else personal
    if (part.slice(eq + 1).trim() === "en") lang = "en";
  }
  return `${lang} ${url}`;
}

/**
 * The groups a page belongs to, so a change invalidates exactly its pages: one agency's
 * (every year, every item, its feed and open data), one province's, and the site-wide
 * ones (home, search, national open data and feed, sitemap) that any agency's change
 * may alter.
 */
export function tagsOf(url: string): string[] {
  const path = url.split("?")[0]!;
  const agency = /^\/(?:open-data\/)?agencies\/([^/]+)/.exec(path);
  if (agency) return [`agency:${decodeURIComponent(agency[1]!)}`];
  const province = /^\/provinces\/([^/]+)\/?$/.exec(path);
  if (province) return [`province:${decodeURIComponent(province[1]!)}`];
  return ["site"];
}

/** Whether a finished response may be kept: a plain 200 of a text type, nothing personal. */
export function isStorable(status: number, headers: Record<string, unknown>): boolean {
  if (status !== 200) return false;
  if (headers["set-cookie"] !== undefined) return false;
  const control = String(headers["cache-control"] ?? "");
  if (/\b(private|no-store)\b/.test(control)) return false;
  if (headers["content-encoding"] !== undefined) return false;
  return CACHEABLE_TYPES.test(String(headers["content-type"] ?? ""));
}
