import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./origin.ts";

const req = (method: string, headers: Record<string, string>) =>
  new Request("http://localhost:4321/api/trpc/x", { method, headers });

describe("cross-site request check", () => {
  it("lets safe methods through", () => {
    expect(isSameOriginRequest(req("GET", { "sec-fetch-site": "cross-site" }))).toBe(true);
  });
  it("uses Sec-Fetch-Site when present", () => {
    expect(isSameOriginRequest(req("POST", { "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOriginRequest(req("POST", { "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOriginRequest(req("POST", { "sec-fetch-site": "same-site" }))).toBe(false);
  });
  it("falls back to comparing Origin with Host", () => {
    expect(
      isSameOriginRequest(req("POST", { origin: "http://localhost:4321", host: "localhost:4321" })),
    ).toBe(true);
    expect(
      isSameOriginRequest(req("POST", { origin: "http://evil.example", host: "localhost:4321" })),
    ).toBe(false);
    expect(isSameOriginRequest(req("POST", { host: "localhost:4321" }))).toBe(false);
  });
});
