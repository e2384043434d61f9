import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCompression, GZIP_LEVEL } from "./compression.ts";
import { sendRequest } from "./test-request.ts";

// Thai text as the portal sends it, large enough to be compressed.
const PAGE = `<!doctype html><html lang="th"><body>${"<p>หน่วยงานเปิดเผยข้อมูล O1</p>".repeat(300)}</body></html>`;
// Less repetitive, as real pages are: compression levels differ on it.
const VARIED = Array.from(
  { length: 800 },
  (_, i) =>
    `<li><a href="/agencies/sao-${i * 7919}">ข้อ O${i % 43} เผยแพร่ ${(i * 104729) % 100000}</a></li>`,
).join("");
const PDF = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(4000, 0x20)]);

// Stand-ins for what the portal answers: a page with a weak ETag that honours
// If-None-Match, an uploaded file with a strong one, a PDF, and a tiny JSON body.
const compress = createCompression();
const server = createServer((req, res) =>
  compress(req, res, () => {
    if (req.url === "/page") {
      res.setHeader("etag", 'W/"page-1"');
      res.setHeader("vary", "Cookie");
      if (req.headers["if-none-match"] === 'W/"page-1"') return res.writeHead(304).end();
      res.setHeader("content-type", "text/html; charset=utf-8");
      return res.end(PAGE);
    }
    if (req.url === "/varied") {
      res.setHeader("content-type", "text/html; charset=utf-8");
      return res.end(VARIED);
    }
    if (req.url === "/file.csv") {
      res.writeHead(200, { "content-type": "text/csv; charset=utf-8", etag: '"sha256"' });
      return res.end(PAGE);
    }
    if (req.url === "/file.pdf") {
      res.writeHead(200, { "content-type": "application/pdf", "content-length": PDF.length });
      return res.end(PDF);
    }
    res.writeHead(200, { "content-type": "application/json", "content-length": 11 });
    res.end('{"ok":true}');
  }),
);
let port = 0;
beforeAll(async () => {
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const get = (path: string, headers: Record<string, string> = {}) =>
  sendRequest(port, path, { headers });

describe("compression of the portal's responses", () => {
  it("sends brotli when asked, the same page once decoded", async () => {
    const res = await get("/page", { "accept-encoding": "br" });
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(PAGE) / 5);
    expect(brotliDecompressSync(res.body).toString("utf8")).toBe(PAGE);
  });

  it("sends gzip when asked, the same page once decoded", async () => {
    const res = await get("/page", { "accept-encoding": "gzip" });
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(res.body).toString("utf8")).toBe(PAGE);
  });

  it("compresses gzip at its per-request level, cheaper than zlib's default", async () => {
    const res = await get("/varied", { "accept-encoding": "gzip" });
    expect(res.body).toEqual(gzipSync(VARIED, { level: GZIP_LEVEL }));
    expect(gzipSync(VARIED, { level: GZIP_LEVEL })).not.toEqual(gzipSync(VARIED));
  });

  it("follows the q-values of Accept-Encoding", async () => {
    const res = await get("/page", { "accept-encoding": "br;q=0.1, gzip;q=0.9" });
    expect(res.headers["content-encoding"]).toBe("gzip");
    const refused = await get("/page", { "accept-encoding": "br;q=0, gzip;q=0" });
    expect(refused.headers["content-encoding"]).toBeUndefined();
  });

  it("sends the bytes as they are without Accept-Encoding, still varying by it", async () => {
    const res = await get("/page");
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.body.toString("utf8")).toBe(PAGE);
  });

  it("keeps 304 Not Modified working for a compressed page", async () => {
    const full = await get("/page", { "accept-encoding": "br" });
    expect(full.headers.etag).toBe('W/"page-1"');
    const again = await get("/page", {
      "accept-encoding": "br",
      "if-none-match": full.headers.etag ?? "",
    });
    expect(again.status).toBe(304);
    expect(again.headers.vary).toBe("Cookie, Accept-Encoding");
    expect(again.body.length).toBe(0);
  });

  it("makes a strong ETag weak when the body is compressed", async () => {
    expect((await get("/file.csv", { "accept-encoding": "gzip" })).headers.etag).toBe('W/"sha256"');
    expect((await get("/file.csv")).headers.etag).toBe('"sha256"');
  });

  it("never compresses a PDF or a tiny body", async () => {
    const pdf = await get("/file.pdf", { "accept-encoding": "br, gzip" });
    expect(pdf.headers["content-encoding"]).toBeUndefined();
    expect(pdf.body.equals(PDF)).toBe(true);
    const tiny = await get("/tiny.json", { "accept-encoding": "br, gzip" });
    expect(tiny.headers["content-encoding"]).toBeUndefined();
    expect(tiny.body.toString()).toBe('{"ok":true}');
  });
});
