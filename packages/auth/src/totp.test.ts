import { generateTOTP } from "@oslojs/otp";
import { describe, expect, it } from "vitest";
import { generateTotpKey, totpUri, verifyTotp } from "./totp.ts";

describe("TOTP", () => {
  it("accepts the current code and rejects others", () => {
    const key = generateTotpKey();
    const code = generateTOTP(key, 30, 6);
    expect(verifyTotp(key, code)).toBe(true);
    expect(verifyTotp(generateTotpKey(), code)).toBe(false);
    expect(verifyTotp(key, "abc123")).toBe(false);
  });
  it("builds an otpauth URI for authenticator apps", () => {
    expect(totpUri("ITA", "a@b.th", generateTotpKey())).toMatch(/^otpauth:\/\/totp\/ITA:a%40b\.th\?/);
  });
});
