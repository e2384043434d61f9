import { describe, expect, it } from "vitest";
import { DOMAIN_ERROR_CODES, DOMAIN_ERROR_MESSAGES, DomainError, isDomainError } from "./errors.ts";

describe("DomainError", () => {
  it("carries a code, details and a default English message", () => {
    const e = new DomainError("FOUR_EYES", undefined, { entryId: "e1" });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("DomainError");
    expect(e.code).toBe("FOUR_EYES");
    expect(e.details).toEqual({ entryId: "e1" });
    expect(e.message).toBe(DOMAIN_ERROR_MESSAGES.FOUR_EYES.en);
  });

  it("isDomainError checks the class and optionally the code", () => {
    const e = new DomainError("NOT_FOUND", "agency x");
    expect(isDomainError(e)).toBe(true);
    expect(isDomainError(e, "NOT_FOUND")).toBe(true);
    expect(isDomainError(e, "FORBIDDEN")).toBe(false);
    expect(isDomainError(new Error("x"))).toBe(false);
    expect(isDomainError({ code: "NOT_FOUND" })).toBe(false);
    // A copy from another module instance (same name and a known code) still counts.
    const foreign = Object.assign(new Error("x"), { name: "DomainError", code: "CONFLICT" });
    expect(isDomainError(foreign, "CONFLICT")).toBe(true);
  });

  it("has a Thai and an English message for every code", () => {
    for (const code of DOMAIN_ERROR_CODES) {
      expect(DOMAIN_ERROR_MESSAGES[code].th).toMatch(/[\u0E00-\u0E7F]/);
      expect(DOMAIN_ERROR_MESSAGES[code].en.length).toBeGreaterThan(0);
    }
  });
});
