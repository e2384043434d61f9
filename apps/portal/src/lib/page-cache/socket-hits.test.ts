import { createServer, type Server } from "node:http";
import { connect, type AddressInfo, type Server as NetServer } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sendRequest } from "../test-request.ts";
import { createPageCache, type PageCache } from "./http.ts";
import { createSocketHitServer } from "./socket-hits.ts";

const pageOf = (path: string) =>
  `<!doctype html><title>${path}</title>${"<p>ลำพูน</p>".repeat(300)}`;
const rendered: string[] = [];
/** Every request node:http saw, with the client address it was given. */
const seenByHttp: string[] = [];

let http: Server;
let writer: NetServer;
let pages: PageCache;
/** The socket writer in front of node:http, as server.mjs listens. */
let port: number;
/** The same node:http server listening by itself, to compare answers with. */
let httpPort: number;

const send = (to: number, path: string, headers: Record<string, string> = {}) =>
  sendRequest(to, path, { headers });

/** Writes `bytes` on one new connection (in `parts` writes) and reads until `answers` came back. */
function raw(bytes: string[], answers: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let text = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => {
      text += chunk;
      if ((text.match(/HTTP\/1\.1 \d{3}/g) ?? []).length >= answers && complete(text)) {
        socket.destroy();
        resolve(text);
      }
    });
    socket.on("error", reject);
    (async () => {
      for (const part of bytes) {
        socket.write(Buffer.from(part, "latin1"));
        await new Promise((r) => setTimeout(r, 30));
      }
    })();
  });
}

/** Whether the last answer's body arrived whole (by its Content-Length). */
function complete(text: string): boolean {
  const start = text.lastIndexOf("HTTP/1.1 ");
  const headEnd = text.indexOf("\r\n\r\n", start);
  if (headEnd === -1) return false;
  const length = /content-length: (\d+)/i.exec(text.slice(start, headEnd));
  return Buffer.byteLength(text.slice(headEnd + 4), "latin1") >= Number(length?.[1] ?? 0);
}

const get = (path: string, ...fields: string[]) =>
  `GET ${path} HTTP/1.1\r\nHost: x\r\n${fields.map((f) => `${f}\r\n`).join("")}\r\n`;

async function kept(path: string) {
  const stored = pages.stats().stored;
  await send(port, path);
  // Compressing it runs beside the suite's other workers: a loaded machine takes seconds.
  await vi.waitFor(() => expect(pages.stats().stored).toBe(stored + 1), {
    timeout: 20_000,
    interval: 20,
  });
}

beforeAll(async () => {
  pages = createPageCache({ budgetBytes: 1 << 22 });
  http = createServer((req, res) => {
    seenByHttp.push(`${req.url} ${req.socket.remoteAddress}`);
    if (pages.serve(req, res)) return;
    pages.capture(req, res, () => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", async () => {
        // A page that takes a while to render.
        if (req.url === "/slow") await new Promise((r) => setTimeout(r, 150));
        rendered.push(`${req.method} ${req.url} ${Buffer.concat(chunks).toString()}`.trim());
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.setHeader("etag", `"${req.url}"`);
        res.end(pageOf(req.url!));
      });
    });
  });
  writer = createSocketHitServer({ http, answer: (r) => pages.answer(r) });
  await new Promise<void>((resolve) => writer.listen(0, "127.0.0.1", resolve));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  port = (writer.address() as AddressInfo).port;
  httpPort = (http.address() as AddressInfo).port;
  await kept("/a");
  await kept("/b");
});

afterAll(async () => {
  http.closeAllConnections();
  await new Promise<void>((resolve) => writer.close(() => resolve()));
});

describe("the socket writer", () => {
  it("answers a hit as node:http answers it: same status, headers and bytes", async () => {
    const asked: Record<string, string>[] = [
      { "accept-encoding": "gzip" },
      { "accept-encoding": "br" },
      {},
    ];
    for (const headers of asked) {
      const before = rendered.length;
      const fast = await send(port, "/a", headers);
      const slow = await send(httpPort, "/a", headers);
      expect(rendered.length).toBe(before);
      expect(fast.status).toBe(200);
      expect(fast.body.equals(slow.body)).toBe(true);
      const { date: fastDate, ...fastHeaders } = fast.headers;
      const { date: slowDate, ...slowHeaders } = slow.headers;
      expect(fastHeaders).toEqual(slowHeaders);
      expect(fastHeaders["cache-status"]).toBe("ita-portal; hit");
      expect(Math.abs(Date.parse(fastDate!) - Date.parse(slowDate!))).toBeLessThan(2000);
    }
    const gzip = await send(port, "/b", { "accept-encoding": "gzip" });
    expect(gunzipSync(gzip.body).toString()).toBe(pageOf("/b"));
  });

  it("answers 304 to a matching If-None-Match", async () => {
    const answer = await send(port, "/a", { "if-none-match": '"/a"' });
    expect(answer.status).toBe(304);
    expect(answer.body.byteLength).toBe(0);
    expect(answer.headers["etag"]).toBe('"/a"');
  });

  it("answers pipelined hits in order, and waits for a client that reads slowly", async () => {
    // 200 answers of ~4 KB: far more than the socket's buffer, so the writer must wait.
    const paths = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? "/b" : "/a"));
    const text = await raw([paths.map((p) => get(p)).join("")], paths.length);
    const titles = [...text.matchAll(/<title>(.*?)<\/title>/g)].map((m) => m[1]);
    expect(titles).toEqual(paths);
  });

  it("has node:http answer a miss, then answers the connection's next hits itself, in order", async () => {
    const before = rendered.length;
    const seen = seenByHttp.length;
    // A slow miss first: the hit asked right behind it must wait for it.
    const text = await raw([get("/slow") + get("/a") + get("/m1") + get("/b")], 4);
    expect([...text.matchAll(/<title>(.*?)<\/title>/g)].map((m) => m[1])).toEqual([
      "/slow",
      "/a",
      "/m1",
      "/b",
    ]);
    expect(rendered.slice(before)).toEqual(["GET /slow", "GET /m1"]);
    // node:http saw the misses only, with the client's address.
    expect(seenByHttp.slice(seen)).toEqual(["/slow 127.0.0.1", "/m1 127.0.0.1"]);
    expect(text.match(/cache-status: ita-portal; hit/g)).toHaveLength(2);
  });

  it("answers many misses on one connection, one after the other", async () => {
    const paths = Array.from({ length: 30 }, (_, i) => `/many/${i}`);
    const text = await raw([paths.map((p) => get(p)).join("")], paths.length);
    expect([...text.matchAll(/<title>(.*?)<\/title>/g)].map((m) => m[1])).toEqual(paths);
  });

  it("survives a client that leaves while its miss is rendered", async () => {
    const socket = connect(port, "127.0.0.1");
    socket.on("error", () => {});
    socket.write(get("/slow"));
    await new Promise((r) => setTimeout(r, 30));
    socket.destroy();
    await new Promise((r) => setTimeout(r, 300));
    const next = await send(port, "/a");
    expect(next.status).toBe(200);
    expect(next.headers["cache-status"]).toBe("ita-portal; hit");
  });

  it("hands the connection to node:http at the first request it does not answer, bytes intact", async () => {
    const before = rendered.length;
    const post = "POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello=world";
    const text = await raw([get("/a") + post + get("/b")], 3);
    expect([...text.matchAll(/<title>(.*?)<\/title>/g)].map((m) => m[1])).toEqual([
      "/a",
      "/form",
      "/b",
    ]);
    expect(rendered.slice(before)).toEqual(["POST /form hello=world"]);
    // The last one was a hit too, answered by node:http from the same cache.
    expect(text.match(/cache-status: ita-portal; hit/g)).toHaveLength(2);
  });

  it("leaves a body smuggled behind a GET to node:http, which reads it as that GET's body", async () => {
    const before = rendered.length;
    const smuggled = get("/b");
    const text = await raw(
      [get("/a", `Content-Length: ${smuggled.length}`) + smuggled + get("/miss")],
      2,
    );
    // Two answers, not three: the GET /b inside the body was never answered.
    expect([...text.matchAll(/<title>(.*?)<\/title>/g)].map((m) => m[1])).toEqual(["/a", "/miss"]);
    expect(text.match(/HTTP\/1\.1 200/g)).toHaveLength(2);
    expect(rendered.slice(before)).toEqual(["GET /miss"]);
  });

  it("hands over a head split across packets, and a session's request, to node:http", async () => {
    const before = rendered.length;
    const split = get("/a", "Cookie: session=abc");
    const text = await raw([split.slice(0, 20), split.slice(20)], 1);
    expect(text).toContain("<title>/a</title>");
    expect(text).not.toContain("cache-status: ita-portal; hit");
    expect(rendered.slice(before)).toEqual(["GET /a"]);
  });

  it("answers a hit to a client that closed its side after asking, then closes too", async () => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, "127.0.0.1");
      let text = "";
      socket.on("data", (chunk: Buffer) => (text += chunk.toString("latin1")));
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
      socket.end(get("/a"));
      // Closed at once, not by the keep-alive timeout 5 s later.
      setTimeout(() => resolve("still open after 1 s"), 1000);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).toContain("<title>/a</title>");
  });

  it("leaves a client that never finishes its head to node:http's timeout", async () => {
    // A node:http server that never listens itself, as in server.mjs, with short timeouts.
    const alone = createServer({ connectionsCheckingInterval: 50, headersTimeout: 400 });
    const front = createSocketHitServer({ http: alone, answer: () => null });
    await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
    const socket = connect((front.address() as AddressInfo).port, "127.0.0.1");
    socket.write("GET /a HTTP/1.1\r\nHost: x\r\n");
    let text = "";
    socket.on("data", (chunk: Buffer) => (text += chunk.toString("latin1")));
    const closed = await Promise.race([
      new Promise((resolve) => socket.on("close", () => resolve(true))),
      new Promise((resolve) => setTimeout(() => resolve(false), 3000)),
    ]);
    socket.destroy();
    await new Promise<void>((resolve) => front.close(() => resolve()));
    expect(closed).toBe(true);
    expect(text).toMatch(/^HTTP\/1\.1 408/);
  });
});
