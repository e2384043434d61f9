import {
  deleteSessionCookieHeader,
  readCookie,
  sessionCookieHeader,
  sessionCookieName,
} from "@ita/auth";
import type { Database } from "@ita/db";
import { validateSessionToken, type Session, type SessionUser } from "./auth/sessions.ts";

export interface RequestInfo {
  ip: string | null;
  userAgent: string | null;
  /** Whether cookies must carry `Secure` (false only for plain-http localhost). */
  secure: boolean;
}

export interface Context {
  db: Database;
  user: SessionUser | null;
  session: Session | null;
  request: RequestInfo;
  now: () => Date;
  setSessionTokenCookie: (token: string) => void;
  deleteSessionTokenCookie: () => void;
}

export interface CreateContextOptions {
  db: Database;
  /** The incoming HTTP request; absent for server-side calls (Astro pages). */
  req?: Request;
  /** Response headers the transport sends back (Set-Cookie). */
  resHeaders?: Headers;
  /** The client's address, as resolved under the trusted-proxy setting (`resolveClient`). */
  ip?: string | null;
  /** The client used https (forwarded headers already judged by `resolveClient`). */
  https?: boolean;
  now?: () => Date;
}

/** Only plain-http localhost (development) goes without `Secure`. */
function isSecureRequest(req: Request, https: boolean | undefined): boolean {
  const url = new URL(req.url);
  const localhost = url.hostname === "localhost" || url.hostname === "127.0.0.1";
  return (https ?? url.protocol === "https:") || !localhost;
}

export async function createContext(opts: CreateContextOptions): Promise<Context> {
  const now = opts.now ?? (() => new Date());
  const request: RequestInfo = {
    ip: opts.ip ?? null,
    userAgent: opts.req?.headers.get("user-agent") ?? null,
    secure: opts.req ? isSecureRequest(opts.req, opts.https) : true,
  };
  const token = readCookie(opts.req?.headers.get("cookie"), sessionCookieName(request));
  const auth = token
    ? await validateSessionToken(opts.db, token, now())
    : { session: null, user: null };
  return {
    db: opts.db,
    user: auth.user,
    session: auth.session,
    request,
    now,
    setSessionTokenCookie: (t) =>
      opts.resHeaders?.append("set-cookie", sessionCookieHeader(t, request)),
    deleteSessionTokenCookie: () =>
      opts.resHeaders?.append("set-cookie", deleteSessionCookieHeader(request)),
  };
}
