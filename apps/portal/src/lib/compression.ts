import type { IncomingMessage, ServerResponse } from "node:http";
import compression from "compression";
import onHeaders from "on-headers";

/**
 * Bodies smaller than this go out as they are: below about a kilobyte the compression
 * headers and the work outweigh the bytes saved.
 */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/** gzip's level for bodies made per request (see createCompression). */
export const GZIP_LEVEL = 4;

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * The portal process's compression (docs/adr/0016): br or gzip by the request's
 * Accept-Encoding and its q-values, `Vary: Accept-Encoding`, only for types mime-db
 * marks compressible (HTML, CSV, JSON, XML/Atom, SVG — never PDF, images or zip/Office
 * files), never for a body that already has a Content-Encoding (sirv's precompressed
 * files). A strong ETag of a compressed body is made weak: the bytes differ from the
 * identity response's, the content does not (RFC 9110 §8.8.1).
 */
export function createCompression(): Handler {
  // Bodies made per request: brotli at the library's quality 4, gzip at level 4. On a
  // 37.7 KB agency page gzip's default 6 cost 1.06 ms of CPU for 6,655 bytes, 4 costs
  // 0.45 ms for 7,061 (brotli 4: 0.76 ms, 6,569), and a miss costs ~6 ms in all
  // (docs/performance.md, "Cache misses again"). Kept pages are compressed harder, once.
  const compress = compression({ threshold: COMPRESSION_THRESHOLD_BYTES, level: GZIP_LEVEL });
  return (req, res, next) => {
    // Registered before compression's own hook, so it runs after it has decided.
    onHeaders(res, () => {
      // A 304 has no type, so the library skips it; it must still say what the full
      // response varies on, or a cache refreshing its stored headers would lose it.
      if (res.statusCode === 304) varyOnAcceptEncoding(res);
      const encoding = res.getHeader("content-encoding");
      const etag = res.getHeader("etag");
      if (encoding && encoding !== "identity" && typeof etag === "string" && etag.startsWith('"'))
        res.setHeader("etag", `W/${etag}`);
    });
    compress(req as never, res as never, next);
  };
}

function varyOnAcceptEncoding(res: ServerResponse) {
  const vary = String(res.getHeader("vary") ?? "");
  if (/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary)) return;
  res.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
}
