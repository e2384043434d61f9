import { createHash } from "node:crypto";

/**
 * Pages change the moment something is published, and a public file stops being public
 * when it is withdrawn: caches must revalidate every time.
 */
export const REVALIDATE = "public, max-age=0, must-revalidate";

/** Text responses that may be validated by ETag (here) and kept by the page cache. */
export const CACHEABLE_TYPES =
  /^(text\/html|text\/csv|text\/plain|application\/json|application\/atom\+xml|application\/xml)\b/;

/** Weak validator from the body's hash: equal bytes, equal tag (W/ since encodings may differ). */
export function weakEtag(body: Uint8Array | string): string {
  return `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** RFC 9110 §13.1.2: weak comparison of If-None-Match against our tag. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((t) => opaque(t) === opaque(etag));
}

/** What a 304 carries of the full response (RFC 9110 §15.4.5). */
export const NOT_MODIFIED_HEADERS = [
  "etag",
  "last-modified",
  "cache-control",
  "vary",
  "content-location",
  "expires",
] as const;

/** A 304 carrying the validators and caching headers of the full response. */
export function notModified(headers: Headers): Response {
  const keep = new Headers();
  for (const name of NOT_MODIFIED_HEADERS) {
    const v = headers.get(name);
    if (v) keep.set(name, v);
  }
  return new Response(null, { status: 304, headers: keep });
}

/**
 * Answers a conditional GET of a page, open-data file or feed: adds a weak ETag from the
 * body (unless the route set its own), `Cache-Control: public, max-age=0,
 * must-revalidate` (unless set), and turns a matching If-None-Match into 304 Not
 * Modified. If-Modified-Since alone is not trusted here: a withdrawal changes a page
 * without a newer publication date, so only the body's hash is a safe validator.
 */
export async function withConditionalCaching(
  request: Request,
  response: Response,
): Promise<Response> {
  if ((request.method !== "GET" && request.method !== "HEAD") || response.status !== 200)
    return response;
  const headers = response.headers;
  let etag = headers.get("etag");
  if (!etag) {
    if (!CACHEABLE_TYPES.test(headers.get("content-type") ?? "") || !response.body) return response;
    const body = new Uint8Array(await response.arrayBuffer());
    etag = weakEtag(body);
    headers.set("etag", etag);
    // Known once buffered: it lets the compression leave tiny bodies alone (compression.ts).
    headers.set("content-length", String(body.byteLength));
    if (!headers.has("cache-control")) headers.set("cache-control", REVALIDATE);
    response = new Response(request.method === "HEAD" ? null : body, { status: 200, headers });
  } else if (!headers.has("cache-control")) {
    response.headers.set("cache-control", REVALIDATE);
  }
  if (matchesIfNoneMatch(request.headers.get("if-none-match"), etag)) {
    return notModified(headers);
  }
  return response;
}
