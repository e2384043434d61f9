export const SESSION_COOKIE = "ita_session";

/** Inactivity expiry: a session unused for this long is deleted on its next use. */
export const SESSION_INACTIVITY_MS = 1000 * 60 * 60 * 24 * 7;
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
    `${SESSION_COOKIE}=${token}`,
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
    `${SESSION_COOKIE}=`,
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
