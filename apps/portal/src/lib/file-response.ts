import { Readable } from "node:stream";
import { createFileStore, type FileStore } from "@ita/db/files";
import { contentDisposition } from "./content-disposition.ts";
import { isPdf, isPreviewableImage } from "./format.ts";
import { matchesIfNoneMatch, notModified, REVALIDATE } from "./http-cache.ts";

let store: FileStore | null = null;
const fileStore = () => (store ??= createFileStore());

interface FileMeta {
  fileName: string;
  contentType: string;
  sha256: string;
  storageKey: string;
  createdAt: Date;
}

/**
 * Streams a public attachment. The bytes never change under their id (content
 * addressed), so the ETag is the SHA-256 — but whether they may be served does: a file
 * withdrawn because it leaked personal data must leave browsers and caches at once, so
 * every use revalidates (a cheap 304 while the file is public, 404 once it is not).
 * Only fingerprinted assets (/_astro/) are immutable. `sandbox` CSP and
 * nosniff make an uploaded HTML or SVG file inert even if opened directly; only PDFs
 * and raster images are shown inline, everything else downloads.
 *
 * Staff files (`staffFilePath`: drafts, older versions) are never stored by a cache
 * (`private, no-store`); the admin frames their PDFs in a preview, so they may be
 * framed by our own pages (`frame-ancestors 'self'`, Chromium's PDF viewer works in
 * the sandbox).
 */
export async function fileResponse(
  request: Request,
  file: FileMeta,
  files: FileStore = fileStore(),
  audience: "public" | "staff" = "public",
): Promise<Response | null> {
  const headers = new Headers({
    "content-type": file.contentType,
    "content-disposition": contentDisposition(
      isPdf(file.contentType) || isPreviewableImage(file.contentType) ? "inline" : "attachment",
      file.fileName,
    ),
    "x-content-type-options": "nosniff",
    "content-security-policy": "sandbox; frame-ancestors 'self'",
    "cache-control": audience === "staff" ? "private, no-store" : REVALIDATE,
    etag: `"${file.sha256}"`,
    "last-modified": file.createdAt.toUTCString(),
    "cross-origin-resource-policy": "same-origin",
  });
  // The bytes behind an id never change: any validator the client holds is current.
  const ifNoneMatch = request.headers.get("if-none-match");
  if (
    ifNoneMatch
      ? matchesIfNoneMatch(ifNoneMatch, `"${file.sha256}"`)
      : request.headers.has("if-modified-since")
  )
    return notModified(headers);
  const found = await files.stream(file.storageKey);
  if (!found) return null;
  headers.set("content-length", String(found.size));
  if (request.method === "HEAD") {
    found.stream.destroy();
    return new Response(null, { status: 200, headers });
  }
  return new Response(Readable.toWeb(found.stream) as ReadableStream, { status: 200, headers });
}
