/**
 * The session cookie's name. Over https it carries the `__Host-` prefix: browsers accept
 * it only with `Secure`, `Path=/` and no `Domain`, so a sibling subdomain or a plain-http
 * page cannot plant or overwrite it. Plain-http localhost (development, tests) uses the
 * bare name without `Secure`, which every browser and tool accepts there; the server reads
 * only the name that matches the request, so the bare name is never honoured over https.
 */
export const SECURE_SESSION_COOKIE = "__Host-ita_session";
/** The name on plain-http localhost only (see SECURE_SESSION_COOKIE). */
export const SESSION_COOKIE = "ita_session";

export function sessionCookieName(opts: CookieOptions): string {
  return opts.secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** Inactivity expiry: a session unused for this long is deleted on its next use. */
export const SESSION_INACTIVITY_MS = 1000 * 60 * 60 * 24 * 7;
/** Absolute expiry: a session ends this long after the password was given, however busy. */
export const SESSION_ABSOLUTE_MS = 1000 * 60 * 60 * 24 * 14;
/** How often lastVerifiedAt is refreshed (avoid a write on every request). */
export const SESSION_ACTIVITY_CHECK_MS = 1000 * 60 * 60;

export interface CookieOptions {
  secure: boolean;
}

/**
 * Set-Cookie header value for a session. `Secure` is dropped only for plain-http
 * localhost development, where browsers would otherwise refuse the cookie.
 */
export function sessionCookieHeader(token: string, opts: CookieOptions): string {
  const maxAge = Math.floor(SESSION_INACTIVITY_MS / 1000);
  return [
    `${sessionCookieName(opts)}=${token}`,
    "HttpOnly",
    "SameSite=Lax",
    "Path=/",
    `Max-Age=${maxAge}`,
    opts.secure ? "Secure" : "",
  ]
    .filter(Boolean)
    .join("; ");
}

export function deleteSessionCookieHeader(opts: CookieOptions): string {
  return [
    `${sessionCookieName(opts)}=`,
    "HttpOnly",
    "SameSite=Lax",
    "Path=/",
    "Max-Age=0",
    opts.secure ? "Secure" : "",
  ]
    .filter(Boolean)
    .join("; ");
}

export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}
