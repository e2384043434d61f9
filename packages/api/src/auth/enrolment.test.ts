import { totpCodeFromSecret } from "@ita/auth";
import { users } from "@ita/db/schema";
import { createUser, describeEachDriver } from "@ita/db/testing";
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { buildWorld, contextFor, type World } from "../authz/test-world.ts";
import { createCaller } from "../index.ts";
import { ENROLMENT_TTL_MS } from "./two-factor.ts";

/** The Thai and English messages of a field error on `code`. */
const codeMessage = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: { cause?: { issues?: { message: string; params?: { en?: string } }[] } }) => {
      const issue = e.cause?.issues?.[0];
      return `${issue?.message ?? "?"} | ${issue?.params?.en ?? "?"}`;
    },
  );

describeEachDriver("authenticator enrolment across reloads", (use) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-01T03:00:00Z"));
  }, 60_000);

  async function enrolling() {
    const user = await createUser(w.db, {
      roles: [{ role: "approver", agencyId: w.agencyA.id }],
      password: "approver-password-1",
    });
    const headers = new Headers();
    await createCaller(await contextFor(w.db, null, w.now, headers)).auth.signIn({
      email: user.email,
      password: "approver-password-1",
    });
    const token = /ita_session=([^;]+)/.exec(headers.get("set-cookie") ?? "")![1]!;
    const at = async (ms: number) =>
      createCaller(await contextFor(w.db, token, new Date(w.now.getTime() + ms)));
    return { user, at };
  }

  it("shows the same secret on every reload until it expires, then a new one", async () => {
    const { at } = await enrolling();
    const first = await (await at(0)).auth.beginTotpEnrolment();
    const reload = await (await at(10 * 60_000)).auth.beginTotpEnrolment();
    expect(reload.secret).toBe(first.secret);
    expect(reload.qrDataUrl).toBe(first.qrDataUrl);
    expect(reload.expiresAt).toEqual(new Date(w.now.getTime() + ENROLMENT_TTL_MS));
    const later = await (await at(ENROLMENT_TTL_MS)).auth.beginTotpEnrolment();
    expect(later.secret).not.toBe(first.secret);
  });

  it("says so when a code comes from a superseded secret, and confirms with the current one", async () => {
    const { user, at } = await enrolling();
    const old = await (await at(0)).auth.beginTotpEnrolment();
    const caller = await at(ENROLMENT_TTL_MS + 1000);
    const current = await caller.auth.beginTotpEnrolment();
    const superseded = await codeMessage(
      caller.auth.confirmTotpEnrolment({ code: totpCodeFromSecret(old.secret) }),
    );
    expect(superseded).toContain("คิวอาร์โค้ดเดิมที่ถูกแทนที่แล้ว");
    expect(superseded).toContain("earlier QR code");
    const wrong = await codeMessage(caller.auth.confirmTotpEnrolment({ code: "000000" }));
    expect(wrong).toContain("รหัสไม่ถูกต้อง");
    const { recoveryCodes } = await caller.auth.confirmTotpEnrolment({
      code: totpCodeFromSecret(current.secret),
    });
    expect(recoveryCodes).toHaveLength(10);
    const [row] = await w.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({
      totpPendingKey: null,
      totpPendingCreatedAt: null,
      totpSupersededKey: null,
    });
  });

  it("refuses a code for an enrolment that has expired, with a hint to reload", async () => {
    const { at } = await enrolling();
    const shown = await (await at(0)).auth.beginTotpEnrolment();
    const message = await codeMessage(
      (await at(ENROLMENT_TTL_MS)).auth.confirmTotpEnrolment({
        code: totpCodeFromSecret(shown.secret),
      }),
    );
    expect(message).toContain("หมดเวลา");
    expect(message).toContain("expired");
  });
});
