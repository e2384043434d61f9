import { SECURE_SESSION_COOKIE, totpCodeFromSecret } from "@ita/auth";
import { auditLog } from "@ita/db/schema";
import { createUser, describeEachDriver } from "@ita/db/testing";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { buildWorld, contextFor, errorCode, type World } from "../authz/test-world.ts";
import { createContext } from "../context.ts";
import { handleTrpcRequest } from "../fetch-handler.ts";
import { createCaller } from "../index.ts";
import { createSession } from "./sessions.ts";
import { ACCOUNT_DELAY, accountDelayMs } from "./throttle.ts";

const GUESSES = 50;

describeEachDriver("throttling under concurrent and batched guesses", (use) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-01T03:00:00Z"));
  }, 60_000);

  const outcome = (p: Promise<unknown>) => p.then(() => "ok", errorCode);
  const audited = async (action: string, targetId: string) =>
    (
      await w.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)))
    ).length;

  async function signedIn(email: string, password: string) {
    const headers = new Headers();
    await createCaller(await contextFor(w.db, null, w.now, headers)).auth.signIn({
      email,
      password,
    });
    const token = /ita_session=([^;]+)/.exec(headers.get("set-cookie") ?? "")![1]!;
    return createCaller(await contextFor(w.db, token, w.now));
  }

  it("evaluates at most 5 of 50 simultaneous wrong passwords for one account", async () => {
    const user = await createUser(w.db, { password: "a-long-enough-password" });
    const ctx = await contextFor(w.db, null, w.now);
    const results = await Promise.all(
      Array.from({ length: GUESSES }, async (_, i) =>
        outcome(createCaller(ctx).auth.signIn({ email: user.email, password: `wrong-${i}-xxxxx` })),
      ),
    );
    const evaluated = await audited("auth.sign_in_failed", user.id);
    expect(evaluated).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r === "UNAUTHENTICATED")).toHaveLength(evaluated);
    expect(results.filter((r) => r === "RATE_LIMITED")).toHaveLength(GUESSES - evaluated);
  });

  it("evaluates at most 5 of 50 simultaneous wrong authenticator codes", async () => {
    const user = await createUser(w.db, {
      roles: [{ role: "approver", agencyId: w.agencyA.id }],
      password: "approver-password-1",
    });
    const enrolling = await signedIn(user.email, "approver-password-1");
    const { secret } = await enrolling.auth.beginTotpEnrolment();
    await enrolling.auth.confirmTotpEnrolment({ code: totpCodeFromSecret(secret) });
    const session = await signedIn(user.email, "approver-password-1");
    const right = totpCodeFromSecret(secret);
    const wrong = (i: number) => String((Number(right) + 1 + i) % 1_000_000).padStart(6, "0");
    const results = await Promise.all(
      Array.from({ length: GUESSES }, (_, i) =>
        outcome(session.auth.verifyTwoFactor({ code: wrong(i) })),
      ),
    );
    const evaluated = await audited("auth.2fa_failed", user.id);
    expect(evaluated).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r === "RATE_LIMITED")).toHaveLength(GUESSES - evaluated);
  });

  it("never locks an account: waits grow after five failures, are capped, and the right password then works", async () => {
    const user = await createUser(w.db, { password: "a-long-enough-password" });
    let now = w.now.getTime();
    const attempt = async (password: string, ip: string) => {
      const ctx = await contextFor(w.db, null, new Date(now));
      ctx.request.ip = ip;
      return outcome(createCaller(ctx).auth.signIn({ email: user.email, password }));
    };
    // Different clients (an attacker spreading guesses), so only the account's rule applies.
    for (let i = 0; i < ACCOUNT_DELAY.free; i++)
      expect(await attempt("wrong-password-xx", `198.51.100.${i}`)).toBe("UNAUTHENTICATED");
    expect(await attempt("a-long-enough-password", "203.0.113.1")).toBe("RATE_LIMITED");
    now += accountDelayMs(ACCOUNT_DELAY.free) - 1;
    expect(await attempt("a-long-enough-password", "203.0.113.1")).toBe("RATE_LIMITED");
    now += 1;
    expect(await attempt("wrong-password-xx", "198.51.100.50")).toBe("UNAUTHENTICATED");
    // The wait doubles with each further failure, up to the cap; the account is never locked.
    expect(accountDelayMs(ACCOUNT_DELAY.free + 1)).toBe(2 * ACCOUNT_DELAY.firstMs);
    for (let i = 0; i < 10; i++) {
      now += ACCOUNT_DELAY.maxMs;
      expect(await attempt("wrong-password-xx", `198.51.100.${60 + i}`)).toBe("UNAUTHENTICATED");
    }
    now += ACCOUNT_DELAY.maxMs;
    expect(await attempt("a-long-enough-password", "203.0.113.1")).toBe("ok");
  });

  it("tells over HTTP how long a throttled account waits", async () => {
    const user = await createUser(w.db, { password: "a-long-enough-password" });
    for (let i = 0; i < ACCOUNT_DELAY.free; i++) {
      const ctx = await contextFor(w.db, null, new Date());
      ctx.request.ip = `198.51.100.${200 + i}`;
      await outcome(
        createCaller(ctx).auth.signIn({ email: user.email, password: "wrong-password-xx" }),
      );
    }
    const refused = await handleTrpcRequest(
      new Request("http://localhost:4321/api/trpc/auth.signIn", {
        method: "POST",
        headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
        body: JSON.stringify({ json: { email: user.email, password: "a-long-enough-password" } }),
      }),
      { db: w.db },
    );
    expect(refused.status).toBe(429);
    const body = (await refused.json()) as { error: { json: { data: Record<string, unknown> } } };
    expect(body.error.json.data.retryAfterSeconds).toBeGreaterThan(0);
    expect(body.error.json.data.retryAfterSeconds).toBeLessThanOrEqual(
      accountDelayMs(ACCOUNT_DELAY.free) / 1000,
    );
  });

  it("refuses a batched HTTP request that carries auth calls before evaluating any", async () => {
    const user = await createUser(w.db, { password: "a-long-enough-password" });
    const paths = Array.from({ length: GUESSES }, () => "auth.signIn").join(",");
    const input = Object.fromEntries(
      Array.from({ length: GUESSES }, (_, i) => [
        i,
        { json: { email: user.email, password: `wrong-${i}-xxxxx` } },
      ]),
    );
    const res = await handleTrpcRequest(
      new Request(`http://localhost:4321/api/trpc/${paths}?batch=1`, {
        method: "POST",
        headers: { "content-type": "application/json", "sec-fetch-site": "same-origin" },
        body: JSON.stringify(input),
      }),
      { db: w.db, client: { ip: "198.51.100.9", https: false } },
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("one at a time");
    expect(await audited("auth.sign_in_failed", user.id)).toBe(0);
  });

  it("builds shown invitation links on the configured origin, never on a forged Host", async () => {
    const { token } = await createSession(w.db, w.users.adminA.id, { twoFactorVerified: true });
    const req = new Request("http://evil.example/api/trpc/users.invite", {
      headers: { cookie: `${SECURE_SESSION_COOKIE}=${token}`, host: "evil.example" },
    });
    const admin = createCaller(await createContext({ db: w.db, req, now: () => w.now }));
    const invited = await admin.users.invite({
      agencyId: w.agencyA.id,
      email: "host-header@test.example",
      displayName: "ทดสอบ",
      roles: ["editor"],
    });
    expect(invited.link).toMatch(/^http:\/\/localhost:\d+\/admin\/set-password\?token=/);
  });

  it("refuses a body over 1 MB with 413 and a Thai and English message, declared or streamed", async () => {
    const big = JSON.stringify({
      json: { email: "x@test.example", password: "p".repeat(2 ** 20) },
    });
    const post = (body: BodyInit, headers: Record<string, string> = {}) =>
      handleTrpcRequest(
        new Request("http://localhost:4321/api/trpc/auth.signIn", {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "sec-fetch-site": "same-origin",
            ...headers,
          },
          body,
          duplex: "half",
        } as RequestInit),
        { db: w.db },
      );
    const declared = await post(big);
    expect(declared.status).toBe(413);
    const body = (await declared.json()) as {
      error: { data: { messageTh: string; messageEn: string } };
    };
    expect(body.error.data.messageTh).toContain("ใหญ่เกินไป");
    expect(body.error.data.messageEn).toContain("too large");
    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 65536) controller.enqueue(bytes.slice(i, i + 65536));
        controller.close();
      },
    });
    expect((await post(stream)).status).toBe(413);
    // A normal call still goes through.
    const ok = await post(
      JSON.stringify({ json: { email: "x@test.example", password: "wrong-password-xx" } }),
    );
    expect(ok.status).toBe(401);
  });

  it("caps the size of any other batch", async () => {
    const batch = (n: number) =>
      handleTrpcRequest(
        new Request(
          `http://localhost:4321/api/trpc/${Array(n).fill("framework.list").join(",")}?batch=1`,
        ),
        { db: w.db },
      );
    expect((await batch(10)).status).toBe(200);
    expect((await batch(11)).status).toBe(400);
  });
});
