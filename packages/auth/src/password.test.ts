import { describe, expect, it } from "vitest";
import { generatePassword, hashPassword, passwordWeakness, verifyPassword } from "./password.ts";

describe("passwords", () => {
  it("hashes with argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hash, "correct horse battery")).toBe(true);
    expect(await verifyPassword(hash, "correct horse batterY")).toBe(false);
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
  });

  it("rejects short, overlong and common passwords", () => {
    expect(passwordWeakness("short")).toBe("TOO_SHORT");
    expect(passwordWeakness("x".repeat(300))).toBe("TOO_LONG");
    expect(passwordWeakness("Password1234")).toBe("COMMON");
    expect(passwordWeakness("aaaaaaaaaaaaaaa")).toBe("COMMON");
    expect(passwordWeakness("ต้นไม้สีเขียวริมน้ำ")).toBeNull();
  });

  it("generates strong random passwords", () => {
    const p = generatePassword();
    expect(p).toHaveLength(16);
    expect(passwordWeakness(p)).toBeNull();
    expect(generatePassword()).not.toBe(p);
  });
});
