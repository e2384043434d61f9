import {
  SECURE_SESSION_COOKIE,
  SESSION_ABSOLUTE_MS,
  SESSION_ACTIVITY_CHECK_MS,
  SESSION_COOKIE,
  SESSION_INACTIVITY_MS,
} from "@ita/auth";
import { sessions } from "@ita/db/schema";
import { createUser, describeEachDriver } from "@ita/db/testing";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { createContext } from "../context.ts";
import {
  createSession,
  invalidateUserSessions,
  rotateVerifiedSession,
  validateSessionToken,
} from "./sessions.ts";

describeEachDriver("sessions", (use) => {
  it("validates a fresh token and rejects a tampered one", async () => {
    const { db } = use();
    const user = await createUser(db, { roles: [] });
    const { token } = await createSession(db, user.id);
    const ok = await validateSessionToken(db, token);
    expect(ok.user?.id).toBe(user.id);
    const [id, secret] = token.split(".");
    const tampered = `${id}.${secret!.slice(0, -1)}${secret!.endsWith("a") ? "b" : "a"}`;
    expect((await validateSessionToken(db, tampered)).session).toBeNull();
  });

  it("stores only a hash of the secret", async () => {
    const { db } = use();
    const user = await createUser(db);
    const { token, session } = await createSession(db, user.id);
    const [row] = await db.select().from(sessions).where(eq(sessions.id, session.id));
    expect(Buffer.from(row!.secretHash).toString("utf8")).not.toContain(token.split(".")[1]);
  });

  it("expires a session idle past the inactivity window and deletes it", async () => {
    const { db } = use();
    const user = await createUser(db);
    const start = new Date("2026-01-01T00:00:00Z");
    const { token, session } = await createSession(db, user.id, { now: start });
    const later = new Date(start.getTime() + SESSION_INACTIVITY_MS + 1000);
    expect((await validateSessionToken(db, token, later)).session).toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.id, session.id))).toHaveLength(0);
  });

  it("signs out everywhere", async () => {
    const { db } = use();
    const user = await createUser(db);
    const a = await createSession(db, user.id);
    const b = await createSession(db, user.id);
    await invalidateUserSessions(db, user.id);
    expect((await validateSessionToken(db, a.token)).session).toBeNull();
    expect((await validateSessionToken(db, b.token)).session).toBeNull();
  });

  it("ends a session at its absolute lifetime however busy it is", async () => {
    const { db } = use();
    const user = await createUser(db);
    const start = new Date("2026-01-01T00:00:00Z");
    const { token } = await createSession(db, user.id, { now: start });
    // Used every few hours: never idle, still ended once the absolute lifetime has passed.
    let t = start.getTime();
    while (t + SESSION_ACTIVITY_CHECK_MS * 6 < start.getTime() + SESSION_ABSOLUTE_MS) {
      t += SESSION_ACTIVITY_CHECK_MS * 6;
      expect((await validateSessionToken(db, token, new Date(t))).session).not.toBeNull();
    }
    const end = new Date(start.getTime() + SESSION_ABSOLUTE_MS);
    expect((await validateSessionToken(db, token, end)).session).toBeNull();
  });

  it("rotation gives a verified session a new token, drops the old one and keeps the start", async () => {
    const { db } = use();
    const user = await createUser(db);
    const start = new Date("2026-01-01T00:00:00Z");
    const old = await createSession(db, user.id, { now: start });
    const later = new Date(start.getTime() + 60_000);
    const rotated = await rotateVerifiedSession(db, old.session, { now: later });
    expect(rotated.token).not.toBe(old.token);
    expect((await validateSessionToken(db, old.token, later)).session).toBeNull();
    const valid = await validateSessionToken(db, rotated.token, later);
    expect(valid.session).toMatchObject({ twoFactorVerified: true, createdAt: start });
  });

  it("over https reads only the __Host- cookie, never the bare name", async () => {
    const { db } = use();
    const user = await createUser(db);
    const { token } = await createSession(db, user.id);
    const over = async (url: string, cookie: string) =>
      (
        await createContext({
          db,
          req: new Request(url, { headers: { cookie: `${cookie}=${token}` } }),
        })
      ).user?.id ?? null;
    expect(await over("https://ita.example.go.th/api/trpc", SECURE_SESSION_COOKIE)).toBe(user.id);
    expect(await over("https://ita.example.go.th/api/trpc", SESSION_COOKIE)).toBeNull();
    expect(await over("http://localhost:4321/api/trpc", SESSION_COOKIE)).toBe(user.id);
  });
});
