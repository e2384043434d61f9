import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFileStore, type FileStore } from "@ita/db/files";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentDisposition } from "./content-disposition.ts";
import { fileResponse } from "./file-response.ts";

describe("fileResponse", () => {
  let dir = "";
  let files: FileStore;
  const bytes = new TextEncoder().encode("%PDF-1.4\nhello\n");
  let meta = {
    fileName: "ประกาศ ฉบับที่ 1.pdf",
    contentType: "application/pdf",
    sha256: "",
    storageKey: "",
    createdAt: new Date("2026-01-02T03:04:05Z"),
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "ita-files-"));
    files = createFileStore(dir);
    const stored = await files.put(bytes);
    meta = { ...meta, sha256: stored.sha256, storageKey: stored.key };
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("streams the bytes inline with safe headers, revalidated on every use (a withdrawn file must not linger in caches)", async () => {
    const res = (await fileResponse(new Request("http://x/files/1/a.pdf"), meta, files))!;
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(
      `inline; filename="${"_".repeat(6)} ${"_".repeat(7)} 1.pdf"; filename*=UTF-8''${encodeURIComponent("ประกาศ ฉบับที่ 1.pdf")}`,
    );
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toBe("sandbox; frame-ancestors 'self'");
    expect(res.headers.get("etag")).toBe(`"${meta.sha256}"`);
    expect(res.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    expect(res.headers.get("cache-control")).not.toMatch(/immutable/);
    expect(res.headers.get("content-length")).toBe(String(bytes.byteLength));
  });

  it("answers 304 to a matching If-None-Match and downloads other types as attachments", async () => {
    const again = (await fileResponse(
      new Request("http://x/", { headers: { "if-none-match": `"${meta.sha256}"` } }),
      meta,
      files,
    ))!;
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(`"${meta.sha256}"`);
    const html = (await fileResponse(
      new Request("http://x/"),
      { ...meta, fileName: "x.html", contentType: "text/html" },
      files,
    ))!;
    expect(html.headers.get("content-disposition")).toMatch(/^attachment;/);
    await html.body?.cancel();
  });

  it("sends staff files (drafts) for no cache to keep, framable by our own pages", async () => {
    const res = (await fileResponse(new Request("http://x/"), meta, files, "staff"))!;
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("content-disposition")).toMatch(/^inline;/);
    expect(res.headers.get("content-security-policy")).toBe("sandbox; frame-ancestors 'self'");
    await res.body?.cancel();
  });

  it("returns null when the bytes are missing from the store", async () => {
    expect(
      await fileResponse(new Request("http://x/"), { ...meta, storageKey: "0".repeat(64) }, files),
    ).toBeNull();
  });

  it("encodes RFC 5987 special characters", () => {
    expect(contentDisposition("attachment", `a"b'(1).csv`)).toBe(
      `attachment; filename="a_b'(1).csv"; filename*=UTF-8''a%22b%27%281%29.csv`,
    );
  });
});
