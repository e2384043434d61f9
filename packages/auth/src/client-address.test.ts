import { describe, expect, it } from "vitest";
import { resolveClient } from "./client-address.ts";

const socket = { address: "10.0.0.5", https: false };
const headers = (h: Record<string, string>) => new Headers(h);

describe("resolveClient", () => {
  it("ignores forwarded headers when no proxy is trusted (a client cannot pick its address)", () => {
    expect(
      resolveClient(
        headers({ "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "https" }),
        socket,
        0,
      ),
    ).toEqual({ ip: "10.0.0.5", https: false });
  });

  it("takes the address our one proxy appended, not what the client wrote before it", () => {
    const h = headers({
      "x-forwarded-for": "1.2.3.4, 198.51.100.7",
      "x-forwarded-proto": "https",
    });
    expect(resolveClient(h, socket, 1)).toEqual({ ip: "198.51.100.7", https: true });
  });

  it("counts hops from the right with two proxies", () => {
    const h = headers({ "x-forwarded-for": "1.2.3.4, 198.51.100.7, 10.0.0.2" });
    expect(resolveClient(h, socket, 2).ip).toBe("198.51.100.7");
  });

  it("falls back to the socket's peer when the header is missing or not an address", () => {
    expect(resolveClient(headers({}), socket, 1).ip).toBe("10.0.0.5");
    expect(resolveClient(headers({ "x-forwarded-for": "evil" }), socket, 1).ip).toBe("10.0.0.5");
  });
});
