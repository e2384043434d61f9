/**
 * Test helper (used by *.test.ts only): two agencies in two provinces and one user
 * per role, each with a real session (the production session store and cookie).
 */
import { SESSION_COOKIE } from "@ita/auth";
import type { Database } from "@ita/db";
import { seedReferenceData } from "@ita/db/seed";
import { createAgency, createProvince, createUser, type RoleSpec } from "@ita/db/testing";
import { createSession } from "../auth/sessions.ts";
import { createContext } from "../context.ts";
import { createCaller } from "../index.ts";

export const ACTORS = [
  "anonymous",
  "editorA",
  "approverA",
  "adminA",
  "coordinatorA",
  "officerA",
  "sysadmin",
  "editorB",
  /** approverA again, on a session that has not done its second factor. */
  "approverA_no2fa",
  /** Roles in two agencies: a role in one must never open the other's data. */
  "editorA_approverB",
  "adminA_editorB",
] as const;
export type Actor = (typeof ACTORS)[number];

export type Caller = ReturnType<typeof createCaller>;

export interface World {
  db: Database;
  now: Date;
  agencyA: { id: string; slug: string; provinceId: string };
  agencyB: { id: string; slug: string; provinceId: string };
  users: Record<
    Exclude<Actor, "anonymous" | "approverA_no2fa">,
    { id: string; email: string; password: string }
  >;
  /** A second editor and approver of A, for four-eyes scenarios. */
  editorA2: { id: string; email: string };
  approverA2: { id: string; email: string };
  caller(actor: Actor): Promise<Caller>;
  callerForUser(userId: string, opts?: { twoFactorVerified?: boolean }): Promise<Caller>;
  /** Forget cached sessions (after a test signed users out everywhere). */
  resetSessions(): void;
}

export async function contextFor(
  db: Database,
  token: string | null,
  now: Date,
  resHeaders?: Headers,
) {
  const headers = new Headers({ "user-agent": "vitest" });
  if (token) headers.set("cookie", `${SESSION_COOKIE}=${token}`);
  const req = new Request("http://localhost:4321/api/trpc", { headers });
  return createContext({ db, req, now: () => now, ip: "192.0.2.10", resHeaders });
}

export async function buildWorld(db: Database, now = new Date()): Promise<World> {
  await seedReferenceData(db);
  const provinceA = await createProvince(db);
  const provinceB = await createProvince(db);
  const agencyA = await createAgency(db, { provinceId: provinceA.id });
  const agencyB = await createAgency(db, { provinceId: provinceB.id });
  const make = (roles: RoleSpec[], isSystemAdmin = false) =>
    createUser(db, { roles, isSystemAdmin });
  const users = {
    editorA: await make([{ role: "editor", agencyId: agencyA.id }]),
    approverA: await make([{ role: "approver", agencyId: agencyA.id }]),
    adminA: await make([{ role: "agency-admin", agencyId: agencyA.id }]),
    coordinatorA: await make([{ role: "province-coordinator", provinceId: provinceA.id }]),
    officerA: await make([{ role: "complaint-officer", agencyId: agencyA.id }]),
    sysadmin: await make([], true),
    editorB: await make([{ role: "editor", agencyId: agencyB.id }]),
    editorA_approverB: await make([
      { role: "editor", agencyId: agencyA.id },
      { role: "approver", agencyId: agencyB.id },
    ]),
    adminA_editorB: await make([
      { role: "agency-admin", agencyId: agencyA.id },
      { role: "editor", agencyId: agencyB.id },
    ]),
  };
  const editorA2 = await make([{ role: "editor", agencyId: agencyA.id }]);
  const approverA2 = await make([{ role: "approver", agencyId: agencyA.id }]);

  const tokens = new Map<string, string>();
  const callerForUser = async (userId: string, opts: { twoFactorVerified?: boolean } = {}) => {
    const verified = opts.twoFactorVerified ?? true;
    const key = `${userId}:${verified}`;
    let token = tokens.get(key);
    if (!token) {
      token = (await createSession(db, userId, { twoFactorVerified: verified, now })).token;
      tokens.set(key, token);
    }
    return createCaller(await contextFor(db, token, now));
  };
  const caller = async (actor: Actor) => {
    if (actor === "anonymous") return createCaller(await contextFor(db, null, now));
    if (actor === "approverA_no2fa")
      return callerForUser(users.approverA.id, { twoFactorVerified: false });
    return callerForUser(users[actor].id);
  };
  return {
    db,
    now,
    agencyA: { id: agencyA.id, slug: agencyA.slug, provinceId: provinceA.id },
    agencyB: { id: agencyB.id, slug: agencyB.slug, provinceId: provinceB.id },
    users,
    editorA2,
    approverA2,
    caller,
    callerForUser,
    resetSessions: () => tokens.clear(),
  };
}

/** The cause's domain code of a thrown tRPC error, or its tRPC code. */
export function errorCode(error: unknown): string {
  const e = error as { code?: string; cause?: { code?: string; name?: string } };
  if (e.cause?.name === "DomainError" && e.cause.code) return e.cause.code;
  return e.code ?? "UNKNOWN";
}

/** Denied by authentication or authorisation (not by a business rule such as four-eyes). */
export function isDenied(error: unknown): boolean {
  return [
    "UNAUTHENTICATED",
    "UNAUTHORIZED",
    "FORBIDDEN",
    "TWO_FACTOR_REQUIRED",
    "SYSTEM_ADMIN_ONLY",
  ].includes(errorCode(error));
}
