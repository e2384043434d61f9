import { describe, expect, it } from "vitest";
import { readPortalEnv } from "./env.ts";

describe("DEMO_DATA", () => {
  it("defaults to on for the embedded database only, never with DATABASE_URL", () => {
    expect(readPortalEnv({}).DEMO_DATA).toBe("1");
    expect(readPortalEnv({ DATABASE_URL: "" }).DEMO_DATA).toBe("1");
    expect(readPortalEnv({ DATABASE_URL: "postgres://db/ita" }).DEMO_DATA).toBe("0");
    expect(readPortalEnv({ DATABASE_URL: "postgres://db/ita", DEMO_DATA: "1" }).DEMO_DATA).toBe(
      "1",
    );
    expect(readPortalEnv({ DEMO_DATA: "0" }).DEMO_DATA).toBe("0");
  });
});

describe("PAGE_CACHE_SOCKET_WRITER", () => {
  it("is on unless set to 0, and refuses anything else at start", () => {
    expect(readPortalEnv({}).PAGE_CACHE_SOCKET_WRITER).toBe("1");
    expect(readPortalEnv({ PAGE_CACHE_SOCKET_WRITER: "0" }).PAGE_CACHE_SOCKET_WRITER).toBe("0");
    expect(() => readPortalEnv({ PAGE_CACHE_SOCKET_WRITER: "yes" })).toThrow(
      /PAGE_CACHE_SOCKET_WRITER/,
    );
  });
});
