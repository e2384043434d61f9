import { readdirSync, readFileSync, statSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { generateTotpKey, totpCodeFromSecret, totpSecretBase32 } from "@ita/auth";
import { users } from "@ita/db/schema";
import { createUser, describeEachDriver } from "@ita/db/testing";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildWorld, contextFor, type World } from "../authz/test-world.ts";
import { createCaller } from "../index.ts";
import { loadTotpEncryptionKey, openTotpSecret, sealTotpSecret } from "./totp-secrets.ts";

const contains = (haystack: Uint8Array, needle: Uint8Array) =>
  Buffer.from(haystack).includes(Buffer.from(needle));

describe("sealing authenticator secrets", () => {
  it("round-trips, hides the secret and refuses another account's id", () => {
    const secret = generateTotpKey();
    const sealed = sealTotpSecret(secret, "user-a");
    expect(contains(sealed, secret)).toBe(false);
    expect(openTotpSecret(sealed, "user-a")).toEqual({ secret, legacy: false });
    expect(() => openTotpSecret(sealed, "user-b")).toThrow();
  });

  it("is imported by the two-factor use cases only (the trust boundary)", () => {
    const src = join(dirname(fileURLToPath(import.meta.url)), "..");
    const importers = (readdirSync(src, { recursive: true }) as string[])
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .filter((f) => readFileSync(join(src, f), "utf8").includes("totp-secrets.ts"))
      .map((f) => relative(src, join(src, f)));
    expect(importers).toEqual(["auth/two-factor.ts"]);
  });

  it("creates an owner-only key file on first start and reuses it", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "ita-key-")), "data", "totp-encryption.key");
    const first = loadTotpEncryptionKey({ TOTP_ENCRYPTION_KEY_FILE: path });
    expect(first).toHaveLength(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadTotpEncryptionKey({ TOTP_ENCRYPTION_KEY_FILE: path })).toEqual(first);
    expect(() => loadTotpEncryptionKey({ TOTP_ENCRYPTION_KEY: "c2hvcnQ=" })).toThrow(/32 bytes/);
  });
});

describeEachDriver("authenticator secrets at rest", (use) => {
  let w: World;
  beforeAll(async () => {
    w = await buildWorld(use().db, new Date("2025-03-01T03:00:00Z"));
  }, 60_000);

  async function passwordSession(email: string, password: string) {
    const headers = new Headers();
    await createCaller(await contextFor(w.db, null, w.now, headers)).auth.signIn({
      email,
      password,
    });
    const token = /ita_session=([^;]+)/.exec(headers.get("set-cookie") ?? "")![1]!;
    return createCaller(await contextFor(w.db, token, w.now));
  }

  it("stores no secret in the clear, pending or confirmed", async () => {
    const user = await createUser(w.db, { password: "approver-password-1" });
    const session = await passwordSession(user.email, "approver-password-1");
    const { secret } = await session.auth.beginTotpEnrolment();
    const stored = async () => (await w.db.select().from(users).where(eq(users.id, user.id)))[0]!;
    const pending = (await stored()).totpPendingKey!;
    expect(pending.length).toBeGreaterThan(20);
    expect(Buffer.from(pending).toString("latin1")).not.toContain(secret);
    await session.auth.confirmTotpEnrolment({ code: totpCodeFromSecret(secret) });
    const active = (await stored()).totpKey!;
    expect(Buffer.from(active).toString("latin1")).not.toContain(secret);
    expect(active.length).toBeGreaterThan(20);
  });

  it("re-seals a secret stored before encryption at its next use", async () => {
    const user = await createUser(w.db, { password: "approver-password-2" });
    const legacy = generateTotpKey();
    await w.db.update(users).set({ totpKey: legacy }).where(eq(users.id, user.id));
    const session = await passwordSession(user.email, "approver-password-2");
    expect(
      await session.auth.verifyTwoFactor({ code: totpCodeFromSecret(totpSecretBase32(legacy)) }),
    ).toMatchObject({ method: "totp" });
    const [row] = await w.db.select().from(users).where(eq(users.id, user.id));
    expect(contains(row!.totpKey!, legacy)).toBe(false);
    expect(openTotpSecret(row!.totpKey!, user.id)).toEqual({ secret: legacy, legacy: false });
  });
});
