import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sendRequest } from "../test-request.ts";
import { createPageCache, encodingFor, type PageCache } from "./http.ts";

const PAGE = `<!doctype html><title>ลำพูน</title>${"<p>ข้อมูลเปิดเผย</p>".repeat(200)}`;
const ETAG = 'W/"page-1"';
let renders = 0;

let server: Server;
let pages: PageCache;
let port: number;

/** A GET or HEAD as a client sends it, with the raw answer. */
const send = (path: string, headers: Record<string, string> = {}, method = "GET") =>
  sendRequest(port, path, { headers, method });

beforeAll(async () => {
  pages = createPageCache({ budgetBytes: 1 << 20 });
  // The renderer as Astro answers a public page: its headers, then the body.
  server = createServer((req, res) => {
    if (pages.serve(req, res)) return;
    pages.capture(req, res, () => {
      renders++;
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("cache-control", "public, max-age=0, must-revalidate");
      res.setHeader("etag", ETAG);
      res.setHeader("vary", "Cookie");
      res.end(PAGE);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  expect((await send("/agencies/lamphun")).headers["cache-status"]).toBe("ita-portal; fwd=miss");
  // The page is kept once compressed, just after it was sent.
  // Compressing it runs beside the suite's other workers: a loaded machine takes seconds.
  await vi.waitFor(() => expect(pages.stats().stored).toBe(1), {
    timeout: 20_000,
    interval: 20,
  });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("a hit of the rendered-page cache", () => {
  it("sends the stored bytes in the encoding asked for, with every header of the page", async () => {
    const before = renders;
    const br = await send("/agencies/lamphun", { "accept-encoding": "gzip, deflate, br" });
    const gzip = await send("/agencies/lamphun", { "accept-encoding": "gzip" });
    const plain = await send("/agencies/lamphun");
    expect(renders).toBe(before); // none of them reached the renderer
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).toString()).toBe(PAGE);
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).toString()).toBe(PAGE);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(PAGE);
    for (const answer of [br, gzip, plain]) {
      expect(answer.status).toBe(200);
      expect(answer.headers["cache-status"]).toBe("ita-portal; hit");
      expect(answer.headers["vary"]).toBe("Cookie, Accept-Encoding");
      expect(answer.headers["etag"]).toBe(ETAG);
      expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(Number(answer.headers["content-length"])).toBe(answer.body.byteLength);
    }
  });

  it("inflates a page once for clients without compression, then keeps it within the budget", async () => {
    const before = pages.stats().bytes;
    const first = await send("/agencies/lamphun", { "accept-encoding": "identity" });
    const grown = pages.stats().bytes;
    const second = await send("/agencies/lamphun", { "accept-encoding": "identity" });
    expect(first.body.toString()).toBe(PAGE);
    expect(second.body.toString()).toBe(PAGE);
    expect(second.headers["cache-status"]).toBe("ita-portal; hit");
    // Counted once, at the first identity request (earlier tests may have added it).
    expect(grown === before || grown === before + Buffer.byteLength(PAGE)).toBe(true);
    expect(pages.stats().bytes).toBe(grown);
    expect(grown).toBeGreaterThan(Buffer.byteLength(PAGE));
  });

  it("answers 304 to a matching If-None-Match, with the validators and Vary", async () => {
    const answer = await send("/agencies/lamphun", {
      "if-none-match": ETAG,
      "accept-encoding": "br",
    });
    expect(answer.status).toBe(304);
    expect(answer.body.byteLength).toBe(0);
    expect(answer.headers["etag"]).toBe(ETAG);
    expect(answer.headers["vary"]).toBe("Cookie, Accept-Encoding");
    expect(answer.headers["cache-status"]).toBe("ita-portal; hit");
    expect(answer.headers["content-encoding"]).toBeUndefined();
  });

  it("answers HEAD with the headers of the GET and no body", async () => {
    const answer = await send("/agencies/lamphun", { "accept-encoding": "gzip" }, "HEAD");
    const get = await send("/agencies/lamphun", { "accept-encoding": "gzip" });
    expect(answer.status).toBe(200);
    expect(answer.body.byteLength).toBe(0);
    expect(answer.headers["content-length"]).toBe(get.headers["content-length"]);
    expect(answer.headers["content-encoding"]).toBe("gzip");
  });

  it("is never given to a request with a session cookie", async () => {
    const answer = await send("/agencies/lamphun", { cookie: "session=abc" });
    expect(answer.headers["cache-status"]).toBeUndefined();
  });
});

describe("the encoding of a hit", () => {
  it("prefers br when it is as welcome as gzip, and honours q-values", () => {
    // Asked twice each: the second answer is the remembered one and must be the same.
    for (let round = 0; round < 2; round++) {
      expect(encodingFor("gzip, deflate, br, zstd")).toBe("br");
      expect(encodingFor("gzip, deflate")).toBe("gzip");
      expect(encodingFor("br;q=0.5, gzip")).toBe("gzip");
      expect(encodingFor("gzip;q=0, br;q=0")).toBe("identity");
      expect(encodingFor("")).toBe("identity");
      expect(encodingFor(undefined)).toBe("identity");
    }
  });
});
