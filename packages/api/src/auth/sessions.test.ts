import { SESSION_INACTIVITY_MS } from "@ita/auth";
import { sessions } from "@ita/db/schema";
import { createUser, describeEachDriver } from "@ita/db/testing";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { createSession, invalidateUserSessions, validateSessionToken } from "./sessions.ts";

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
});
