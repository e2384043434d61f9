import { describe, expect, it } from "vitest";
import { publicOrigin } from "./urls.ts";

describe("publicOrigin", () => {
  const forged = new URL("http://evil.example/feed.xml");

  it("uses PUBLIC_URL, whatever Host the request carried", () => {
    expect(publicOrigin(forged, "https://ita.example.go.th/")).toBe("https://ita.example.go.th");
  });

  it("falls back to the request's origin only when PUBLIC_URL is unset (development)", () => {
    expect(publicOrigin(new URL("http://localhost:4321/sitemap.xml"), undefined)).toBe(
      "http://localhost:4321",
    );
  });
});
