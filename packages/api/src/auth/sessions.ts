import {
  generateSessionToken,
  parseSessionToken,
  SESSION_ABSOLUTE_MS,
  SESSION_ACTIVITY_CHECK_MS,
  SESSION_INACTIVITY_MS,
  verifySecret,
} from "@ita/auth";
import type { Executor } from "@ita/db";
import { roleAssignments, sessions, users } from "@ita/db/schema";
import type { Role } from "@ita/domain/roles";
import { and, eq, isNull } from "drizzle-orm";

/** Session store after Lucia's design, on our database. */
export interface RoleGrant {
  role: Role;
  agencyId: string | null;
  provinceId: string | null;
}

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  locale: string;
  isSystemAdmin: boolean;
  totpEnabled: boolean;
  roles: RoleGrant[];
}

export interface Session {
  id: string;
  userId: string;
  twoFactorVerified: boolean;
  createdAt: Date;
  lastVerifiedAt: Date;
}

export async function createSession(
  db: Executor,
  userId: string,
  options: {
    userAgent?: string | null;
    twoFactorVerified?: boolean;
    now?: Date;
    /** When the password was given, if earlier than now (rotation keeps the absolute expiry). */
    createdAt?: Date;
  } = {},
): Promise<{ token: string; session: Session }> {
  const { id, secretHash, token } = generateSessionToken();
  const now = options.now ?? new Date();
  const [row] = await db
    .insert(sessions)
    .values({
      id,
      userId,
      secretHash,
      userAgent: options.userAgent?.slice(0, 300) ?? null,
      twoFactorVerified: options.twoFactorVerified ?? false,
      createdAt: options.createdAt ?? now,
      lastVerifiedAt: now,
    })
    .returning();
  return { token, session: toSession(row!) };
}

export async function loadUser(db: Executor, userId: string): Promise<SessionUser | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.disabledAt)));
  if (!user) return null;
  const roles = await db
    .select({
      role: roleAssignments.role,
      agencyId: roleAssignments.agencyId,
      provinceId: roleAssignments.provinceId,
    })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, userId));
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    isSystemAdmin: user.isSystemAdmin,
    totpEnabled: user.totpKey !== null,
    roles,
  };
}

/**
 * Replaces a session by a new token once the second factor is given: a token that was
 * seen before (say, planted or read while only the password was known) never becomes a
 * verified session. The new session keeps the original `createdAt`, so the absolute
 * expiry still counts from the password.
 */
export async function rotateVerifiedSession(
  db: Executor,
  old: Session,
  options: { userAgent?: string | null; now: Date },
): Promise<{ token: string; session: Session }> {
  const created = await createSession(db, old.userId, {
    ...options,
    twoFactorVerified: true,
    createdAt: old.createdAt,
  });
  await invalidateSession(db, old.id);
  return created;
}

/**
 * Returns the session and its user, or nulls. Expires sessions idle for longer than
 * the inactivity window or older than the absolute lifetime, and refreshes
 * `lastVerifiedAt` at most once an hour.
 */
export async function validateSessionToken(
  db: Executor,
  token: string,
  now = new Date(),
): Promise<{ session: Session; user: SessionUser } | { session: null; user: null }> {
  const none = { session: null, user: null } as const;
  const parsed = parseSessionToken(token);
  if (!parsed) return none;
  const [row] = await db.select().from(sessions).where(eq(sessions.id, parsed.id));
  if (!row || !verifySecret(parsed.secret, row.secretHash)) return none;
  const idle = now.getTime() - row.lastVerifiedAt.getTime();
  const age = now.getTime() - row.createdAt.getTime();
  if (idle >= SESSION_INACTIVITY_MS || age >= SESSION_ABSOLUTE_MS) {
    await invalidateSession(db, row.id);
    return none;
  }
  const user = await loadUser(db, row.userId);
  if (!user) {
    await invalidateSession(db, row.id);
    return none;
  }
  let session = toSession(row);
  if (idle >= SESSION_ACTIVITY_CHECK_MS) {
    await db.update(sessions).set({ lastVerifiedAt: now }).where(eq(sessions.id, row.id));
    session = { ...session, lastVerifiedAt: now };
  }
  return { session, user };
}

export async function invalidateSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Sign-out everywhere. */
export async function invalidateUserSessions(db: Executor, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

function toSession(row: typeof sessions.$inferSelect): Session {
  return {
    id: row.id,
    userId: row.userId,
    twoFactorVerified: row.twoFactorVerified,
    createdAt: row.createdAt,
    lastVerifiedAt: row.lastVerifiedAt,
  };
}
