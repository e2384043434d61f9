/**
 * Headers for every portal response. The CSP allows no inline script and nothing from
 * other origins: the portal makes no third-party requests.
 */
export const PORTAL_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "object-src 'none'",
  "frame-src 'self'",
  "frame-ancestors 'self'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

export function applySecurityHeaders(response: Response, url: URL): Response {
  const h = response.headers;
  if (!url.pathname.startsWith("/api/") && !h.has("content-security-policy"))
    h.set("content-security-policy", PORTAL_CSP);
  h.set("x-content-type-options", "nosniff");
  // Complaint pages tell no one, not even our own other pages, where a visitor came from.
  h.set(
    "referrer-policy",
    url.pathname.startsWith("/complaints") ? "no-referrer" : "strict-origin-when-cross-origin",
  );
  h.set("x-frame-options", "SAMEORIGIN");
  h.set("permissions-policy", "camera=(), microphone=(), geolocation=()");
  if (url.protocol === "https:")
    h.set("strict-transport-security", "max-age=31536000; includeSubDomains");
  return response;
}
