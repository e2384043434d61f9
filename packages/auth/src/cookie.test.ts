import { describe, expect, it } from "vitest";
import { deleteSessionCookieHeader, readCookie, sessionCookieHeader } from "./cookie.ts";

describe("session cookie", () => {
  it("uses the __Host- prefix with Secure, Path=/ and no Domain over https", () => {
    const header = sessionCookieHeader("abc.def", { secure: true });
    expect(header).toMatch(/^__Host-ita_session=abc\.def; HttpOnly; SameSite=Lax; Path=\//);
    expect(header).toContain("; Secure");
    expect(header).not.toMatch(/domain=/i);
    expect(deleteSessionCookieHeader({ secure: true })).toMatch(
      /^__Host-ita_session=; .*Max-Age=0/,
    );
  });

  it("uses the bare name without Secure on plain-http localhost only", () => {
    const header = sessionCookieHeader("abc.def", { secure: false });
    expect(header).toMatch(/^ita_session=abc\.def;/);
    expect(header).not.toContain("Secure");
  });

  it("reads a cookie by its exact name", () => {
    const h = "ita_session=planted; __Host-ita_session=real";
    expect(readCookie(h, "__Host-ita_session")).toBe("real");
    expect(readCookie(h, "ita_session")).toBe("planted");
  });
});
