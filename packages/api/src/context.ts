import {
  deleteSessionCookieHeader,
  readCookie,
  SESSION_COOKIE,
  sessionCookieHeader,
} from "@ita/auth";
import type { Database } from "@ita/db";
import { validateSessionToken, type Session, type SessionUser } from "./auth/sessions.ts";

export interface RequestInfo {
  ip: string | null;
  userAgent: string | null;
  /** Whether cookies must carry `Secure` (false only for plain-http localhost). */
  secure: boolean;
  /** The site's origin as the client addressed it (for links in invitations). */
  origin: string | null;
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
  ip?: string | null;
  now?: () => Date;
}

function isSecureRequest(req: Request): boolean {
  const url = new URL(req.url);
  const proto = req.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  const localhost = url.hostname === "localhost" || url.hostname === "127.0.0.1";
  return proto === "https" || !localhost;
}

export async function createContext(opts: CreateContextOptions): Promise<Context> {
  const now = opts.now ?? (() => new Date());
  const request: RequestInfo = {
    ip: opts.ip ?? null,
    userAgent: opts.req?.headers.get("user-agent") ?? null,
    secure: opts.req ? isSecureRequest(opts.req) : true,
    origin: opts.req ? new URL(opts.req.url).origin : null,
  };
  const token = readCookie(opts.req?.headers.get("cookie"), SESSION_COOKIE);
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
