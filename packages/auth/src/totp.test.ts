import { generateHOTP, generateTOTP } from "@oslojs/otp";
import { describe, expect, it } from "vitest";
import { generateTotpKey, matchTotpStep, totpUri, verifyTotp } from "./totp.ts";

describe("TOTP", () => {
  it("accepts the current code and rejects others", () => {
    const key = generateTotpKey();
    const code = generateTOTP(key, 30, 6);
    expect(verifyTotp(key, code)).toBe(true);
    expect(verifyTotp(generateTotpKey(), code)).toBe(false);
    expect(verifyTotp(key, "abc123")).toBe(false);
  });
  it("builds an otpauth URI for authenticator apps", () => {
    expect(totpUri("ITA", "a@b.th", generateTotpKey())).toMatch(
      /^otpauth:\/\/totp\/ITA:a%40b\.th\?/,
    );
  });
});

describe("recovery codes", () => {
  it("hash the same however they are typed", async () => {
    const { hashRecoveryCode, generateRecoveryCode } = await import("./totp.ts");
    const code = generateRecoveryCode();
    const typed = `${code.slice(0, 4).toLowerCase()}-${code.slice(4, 8)} ${code.slice(8)}`;
    expect(hashRecoveryCode(typed)).toBe(hashRecoveryCode(code));
    expect(hashRecoveryCode(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode(code)).not.toContain(code);
  });
});

describe("codes from a typed secret", () => {
  it("match the key's codes", async () => {
    const { totpCodeFromSecret, totpSecretBase32 } = await import("./totp.ts");
    const key = generateTotpKey();
    expect(verifyTotp(key, totpCodeFromSecret(totpSecretBase32(key)))).toBe(true);
  });
});

describe("TOTP time steps", () => {
  it("tells which step a code belongs to, within one step of drift", () => {
    const key = generateTotpKey();
    const now = new Date("2026-11-22T01:00:10Z");
    const step = Math.floor(now.getTime() / 30000);
    expect(matchTotpStep(key, generateHOTP(key, BigInt(step), 6), now)).toBe(step);
    expect(matchTotpStep(key, generateHOTP(key, BigInt(step - 1), 6), now)).toBe(step - 1);
    expect(matchTotpStep(key, generateHOTP(key, BigInt(step + 1), 6), now)).toBe(step + 1);
    expect(matchTotpStep(key, generateHOTP(key, BigInt(step - 2), 6), now)).toBeNull();
  });
});
