import { describe, expect, it } from "vitest";
import { lookupHash } from "./lookup-hash.ts";

describe("lookupHash", () => {
  const salt = new Uint8Array(16).fill(7);
  it("is deterministic for one salt and differs across salts and secrets", async () => {
    const a = await lookupHash("K7QF-3M9X-ABCD-EFGH-JKMN", salt);
    expect(await lookupHash("K7QF-3M9X-ABCD-EFGH-JKMN", salt)).toBe(a);
    expect(a).toMatch(/^\$argon2id\$/);
    expect(await lookupHash("K7QF-3M9X-ABCD-EFGH-JKMP", salt)).not.toBe(a);
    expect(await lookupHash("K7QF-3M9X-ABCD-EFGH-JKMN", new Uint8Array(16).fill(8))).not.toBe(a);
  });
  it("refuses a short salt", async () => {
    expect(() => lookupHash("x", new Uint8Array(8))).toThrow();
  });
});
