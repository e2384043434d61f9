import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { SEARCH_MAX_LENGTH } from "@ita/domain/schemas";
import { MAX_HEADER_BYTES, requestTooLargeResponse } from "./oversize-request.ts";
import { handleClientError } from "./client-error.ts";
import { sendRequest } from "./test-request.ts";

async function get(port: number, path: string): Promise<{ status: number; body: string }> {
  const { status, body } = await sendRequest(port, path);
  return { status, body: body.toString("utf8") };
}

describe("an oversize URL", () => {
  it("is answered with a Thai page and its exact length", () => {
    const raw = requestTooLargeResponse();
    const [head, body] = raw.split("\r\n\r\n") as [string, string];
    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(head).toContain(`Content-Length: ${Buffer.byteLength(body)}`);
    expect(body).toContain('<html lang="th">');
    expect(body).toContain("ที่อยู่เว็บยาวเกินไป");
    // The advice names the search box's real limit, in both languages.
    expect(body).toContain(`ไม่เกิน ${SEARCH_MAX_LENGTH} ตัวอักษร`);
    expect(body).toContain(`at most ${SEARCH_MAX_LENGTH} characters`);
  });

  it("reaches the handler up to the limit, and gets the Thai page beyond it", async () => {
    const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (_req, res) =>
      res.end("page"),
    );
    server.on("clientError", handleClientError);
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const { port } = server.address() as AddressInfo;
    try {
      // 2,000 Thai characters: about 18 KB once percent-encoded.
      const search = `/search?q=${encodeURIComponent("ก".repeat(2000))}`;
      expect(await get(port, search)).toEqual({ status: 200, body: "page" });
      const tooLong = await get(port, `/search?q=${encodeURIComponent("ก".repeat(10_000))}`);
      expect(tooLong.status).toBe(431);
      expect(tooLong.body).toContain("ที่อยู่เว็บยาวเกินไป");
    } finally {
      server.close();
    }
  });
});
