import { describe, expect, it } from "vitest";
import {
  generateSessionToken,
  hashSecret,
  parseSessionToken,
  verifySecret,
} from "./session-token.ts";

describe("session tokens", () => {
  it("issues id.secret tokens whose secret verifies only against its own hash", () => {
    const a = generateSessionToken();
    const b = generateSessionToken();
    const parsed = parseSessionToken(a.token);
    expect(parsed?.id).toBe(a.id);
    expect(verifySecret(parsed!.secret, a.secretHash)).toBe(true);
    expect(verifySecret(parsed!.secret, b.secretHash)).toBe(false);
    expect(a.token).not.toBe(b.token);
  });

  it("never stores the secret itself", () => {
    const t = generateSessionToken();
    const secret = t.token.split(".")[1]!;
    expect(Buffer.from(t.secretHash).toString()).not.toContain(secret);
    expect(hashSecret(secret)).toEqual(t.secretHash);
  });

  it.each([
    "",
    "abc",
    "a.b.c",
    "0".repeat(24) + "." + "1".repeat(24),
    "A".repeat(24) + "." + "b".repeat(24),
  ])("rejects malformed token %j", (token) => expect(parseSessionToken(token)).toBeNull());
});
