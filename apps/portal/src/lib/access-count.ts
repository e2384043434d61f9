/**
 * Which requests the executives' access statistics count (docs/domain.md §6), from the
 * method and URL alone — before the page cache answers, so cached pages count too. No
 * address, cookie or header is looked at; unknown slugs and files are dropped when the
 * batch is written (@ita/api/access-stats).
 */
export type AccessHit =
  | { kind: "page-view" | "search"; ref: { agencySlug: string } }
  | { kind: "search"; ref: { site: true } }
  | { kind: "download"; ref: { attachmentId: string } };

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function classifyAccess(
  method: string | undefined,
  url: string | undefined,
): AccessHit | null {
  if (method !== "GET" || !url) return null;
  const q = url.indexOf("?");
  const path = q === -1 ? url : url.slice(0, q);
  if (path.startsWith("/agencies/")) {
    const rest = path.slice("/agencies/".length);
    const slash = rest.indexOf("/");
    const slug = slash === -1 ? rest : rest.slice(0, slash);
    // Feeds are read by programs, not people.
    if (!SLUG.test(slug) || path.endsWith(".xml")) return null;
    return { kind: "page-view", ref: { agencySlug: slug } };
  }
  if (path.startsWith("/files/")) {
    const id = path.slice("/files/".length).split("/")[0] ?? "";
    return UUID.test(id) ? { kind: "download", ref: { attachmentId: id.toLowerCase() } } : null;
  }
  if (path === "/search" && q !== -1) {
    const params = new URLSearchParams(url.slice(q + 1));
    const slug = params.get("agency") ?? "";
    if ((params.get("q") ?? "").trim() === "") return null;
    if (slug === "") return { kind: "search", ref: { site: true } };
    if (SLUG.test(slug)) return { kind: "search", ref: { agencySlug: slug } };
  }
  return null;
}
