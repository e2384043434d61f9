import { describe, expect, it } from "vitest";
import { MAX_PLAIN_HEAD, parsePlainGet } from "./plain-request.ts";

const head = (...lines: string[]) => `${lines.join("\r\n")}\r\n\r\n`;
const BROWSER = head(
  "GET /agencies/lamphun?fy=2568 HTTP/1.1",
  "Host: ita.example.go.th",
  "Connection: keep-alive",
  "User-Agent: Mozilla/5.0 (Linux; Android 10)",
  "Accept-Encoding: gzip, deflate, br",
  "Accept-Language: th-TH,th;q=0.9",
  "Cookie:  lang=en ",
  'If-None-Match: W/"abc"',
);

describe("a plain GET", () => {
  it("is read with the fields a hit depends on, and where its head ends", () => {
    expect(parsePlainGet(BROWSER)).toEqual({
      target: "/agencies/lamphun?fy=2568",
      cookie: "lang=en",
      acceptEncoding: "gzip, deflate, br",
      ifNoneMatch: 'W/"abc"',
      end: BROWSER.length,
    });
  });

  it("is read where it starts when requests are pipelined", () => {
    const second = head("GET /search?q=%E0%B9%84 HTTP/1.1", "host: x");
    const parsed = parsePlainGet(BROWSER + second, BROWSER.length);
    expect(parsed?.target).toBe("/search?q=%E0%B9%84");
    expect(parsed?.cookie).toBeUndefined();
    expect(parsed?.end).toBe(BROWSER.length + second.length);
  });
});

describe("anything else is left to node:http", () => {
  const other: Record<string, string> = {
    "another method": head("POST / HTTP/1.1", "Host: x"),
    HEAD: head("HEAD / HTTP/1.1", "Host: x"),
    "HTTP/1.0": head("GET / HTTP/1.0", "Host: x"),
    "an absolute target": head("GET http://x/ HTTP/1.1", "Host: x"),
    "a body announced by length": head("GET / HTTP/1.1", "Host: x", "Content-Length: 5"),
    "a chunked body": head("GET / HTTP/1.1", "Host: x", "Transfer-Encoding: chunked"),
    "an upgrade": head("GET / HTTP/1.1", "Host: x", "Upgrade: websocket"),
    "an expectation": head("GET / HTTP/1.1", "Host: x", "Expect: 100-continue"),
    "Connection: close": head("GET / HTTP/1.1", "Host: x", "Connection: close"),
    "no Host": head("GET / HTTP/1.1", "Accept: */*"),
    "two Hosts": head("GET / HTTP/1.1", "Host: x", "Host: y"),
    "two cookies": head("GET / HTTP/1.1", "Host: x", "Cookie: lang=en", "Cookie: s=1"),
    "a folded line": head("GET / HTTP/1.1", "Host: x", "Cookie: lang=en", " s=1"),
    "space before the colon": head("GET / HTTP/1.1", "Host : x"),
    "a bare LF": "GET / HTTP/1.1\r\nHost: x\nCookie: s=1\r\n\r\n",
    "a non-ASCII byte": head("GET /à HTTP/1.1", "Host: x"),
    "a control character": head("GET / HTTP/1.1", "Host: x", "Cookie: a=\x01"),
    "a space in the target": head("GET /a b HTTP/1.1", "Host: x"),
    "a head not complete yet": "GET / HTTP/1.1\r\nHost: x\r\n",
    "a head longer than the limit": head(
      `GET /search?q=${"a".repeat(MAX_PLAIN_HEAD)} HTTP/1.1`,
      "Host: x",
    ),
  };
  for (const [what, text] of Object.entries(other))
    it(`such as ${what}`, () => expect(parsePlainGet(text)).toBeNull());
});
