import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { brotliCompress, constants, gunzipSync, gzip } from "node:zlib";
import type { PublicChange } from "@ita/db/public-changes";
import Negotiator from "negotiator";
import { matchesIfNoneMatch, NOT_MODIFIED_HEADERS } from "../http-cache.ts";
import type { PlainGet } from "./plain-request.ts";
import { cacheKeyOf, isStorable, MAX_ENTRY_BYTES, tagsOf } from "./policy.ts";
import type { SocketHit } from "./socket-hits.ts";
import { createPageStore, type CachedPage } from "./store.ts";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Headers that describe one transfer, not the page: never stored, set per answer. */
const PER_TRANSFER = new Set([
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  "cache-status",
  "vary",
]);

const ENCODINGS = ["br", "gzip", "identity"];
/** negotiator 1.x takes a preference order for equal weights; its types are still 0.6's. */
type Negotiator1 = {
  encoding(available: string[], options: { preferred: string[] }): string | undefined;
};

/**
 * The encoding a hit is sent in, by the request's whole `Accept-Encoding`. Browsers send
 * a handful of distinct values, so negotiating (parsing q-values, sorting) once per value
 * rather than once per request; the table is emptied when it grows past a few hundred,
 * so odd values cannot make it grow.
 */
const chosenEncodings = new Map<string, string>();
const MAX_REMEMBERED_ENCODINGS = 256;

export function encodingFor(acceptEncoding: string | undefined): string {
  const header = acceptEncoding ?? "";
  let chosen = chosenEncodings.get(header);
  if (chosen === undefined) {
    // Browsers list gzip before br; ours prefers br when both are equally acceptable.
    const request = { headers: { "accept-encoding": header } }; // negotiator reads no more
    chosen =
      (new Negotiator(request) as unknown as Negotiator1).encoding(ENCODINGS, {
        preferred: ENCODINGS,
      }) ?? "identity";
    if (chosenEncodings.size >= MAX_REMEMBERED_ENCODINGS) chosenEncodings.clear();
    chosenEncodings.set(header, chosen);
  }
  return chosen;
}

/**
 * Brotli's quality for kept pages. Quality 9 cost 10.7 ms of CPU for the demo's 27 KB
 * agency page (more than rendering it) for 1 % fewer bytes than 6 (4,386 against 4,435),
 * and every miss that is kept pays it; 6 costs 0.8 ms (docs/performance.md, "CPU per
 * request").
 */
const KEPT_BROTLI_QUALITY = 6;

/** RFC 9211: which cache answered, and how. */
const CACHE_NAME = "ita-portal";

export interface PageCacheStats {
  hits: number;
  misses: number;
  stored: number;
  entries: number;
  bytes: number;
}

export interface PageCache {
  /** Answers from the cache and returns true, or returns false for the renderer to answer. */
  serve(req: IncomingMessage, res: ServerResponse): boolean;
  /** The answer to a plain GET the socket writer read (socket-hits.ts), or null on a miss. */
  answer(request: PlainGet): SocketHit | null;
  /** Around the renderer, on a miss: keeps what it sends when that may be shared. */
  capture(req: IncomingMessage, res: ServerResponse, render: () => void): void;
  /** Forgets the pages a committed change may have altered. */
  apply(change: PublicChange): void;
  stats(): PageCacheStats;
}

/**
 * The rendered-response cache in front of Astro (docs/adr/0018-rendered-page-cache.md): a hit writes the stored
 * compressed bytes straight to the socket, without Astro, the database or the compressor.
 */
export function createPageCache({ budgetBytes }: { budgetBytes: number }): PageCache {
  const store = createPageStore(budgetBytes);
  const counts = { hits: 0, misses: 0, stored: 0 };
  const keys = new WeakMap<IncomingMessage, string>();

  /** The key of a request, or null when it is not for the cache (or the cache is off). */
  function keyFor(method: string | undefined, url: string | undefined, cookie?: string) {
    return budgetBytes > 0 ? cacheKeyOf(method, url, cookie) : null;
  }

  function keyOf(req: IncomingMessage): string | null {
    return keys.get(req) ?? keyFor(req.method, req.url, req.headers.cookie);
  }

  /** The stored answer for a key, or null when the page is not kept. */
  function find(
    key: string,
    withBody: boolean,
    ifNoneMatch: string | undefined,
    acceptEncoding: string | undefined,
  ): SocketHit | null {
    const page = store.get(key);
    if (!page) return null;
    counts.hits++;
    if (page.etag && matchesIfNoneMatch(ifNoneMatch ?? null, page.etag)) {
      // A 304 carries the validators and caching headers only (RFC 9110 §15.4.5).
      return { status: 304, headers: page.notModified, body: undefined };
    }
    const encoding = encodingFor(acceptEncoding);
    if (encoding === "br" || encoding === "gzip")
      return {
        status: 200,
        headers: page.head[encoding],
        body: withBody ? page[encoding] : undefined,
      };
    // Rare (bots, tools): inflated when first asked for, then kept within the budget.
    let body = page.identity;
    if (withBody && !body) {
      body = page.identity = gunzipSync(page.gzip);
      store.resize(key, page);
    }
    return { status: 200, headers: page.head.identity, body: withBody ? body : undefined };
  }

  function serve(req: IncomingMessage, res: ServerResponse): boolean {
    const key = keyOf(req);
    if (!key) return false;
    const { headers } = req;
    const hit = find(
      key,
      req.method !== "HEAD",
      headers["if-none-match"],
      headers["accept-encoding"],
    );
    if (!hit) {
      // Remembered for capture() only on a miss: a hit has no use for it.
      keys.set(req, key);
      return false;
    }
    res.writeHead(hit.status, hit.headers).end(hit.body);
    return true;
  }

  function answer(request: PlainGet): SocketHit | null {
    const key = keyFor("GET", request.target, request.cookie);
    return key ? find(key, true, request.ifNoneMatch, request.acceptEncoding) : null;
  }

  function capture(req: IncomingMessage, res: ServerResponse, render: () => void): void {
    const key = keyOf(req);
    if (!key) return render();
    counts.misses++;
    res.setHeader("cache-status", `${CACHE_NAME}; fwd=miss`);
    if (req.method !== "GET") return render();
    const since = store.generation;
    const chunks: Buffer[] = [];
    let size = 0;
    let head: { status: number; headers: OutgoingHttpHeaders } | null = null;
    // The headers as the renderer left them, before the compressor outside adds its own.
    const snapshot = (extra?: unknown) => {
      if (head) return;
      const headers: OutgoingHttpHeaders = { ...res.getHeaders() };
      if (extra && typeof extra === "object" && !Array.isArray(extra))
        for (const [n, v] of Object.entries(extra)) headers[n.toLowerCase()] = v;
      head = { status: res.statusCode, headers };
    };
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk == null || typeof chunk === "function" || size > MAX_ENTRY_BYTES) return;
      const bytes =
        typeof chunk === "string"
          ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
          : Buffer.from(chunk as Uint8Array);
      size += bytes.byteLength;
      chunks.push(bytes);
    };
    const { writeHead, write, end } = res;
    res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
      res.statusCode = status;
      snapshot(rest.find((r) => typeof r === "object"));
      return (writeHead as (...a: unknown[]) => ServerResponse).call(this, status, ...rest);
    } as ServerResponse["writeHead"];
    res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      snapshot();
      keep(chunk, rest[0]);
      return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    } as ServerResponse["write"];
    res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      snapshot();
      keep(chunk, rest[0]);
      return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
    } as ServerResponse["end"];
    res.once("finish", () => {
      const taken = head as { status: number; headers: OutgoingHttpHeaders } | null;
      if (!taken || size > MAX_ENTRY_BYTES || !isStorable(taken.status, taken.headers)) return;
      void keepPage(key, Buffer.concat(chunks), taken.headers, since);
    });
    render();
  }

  async function keepPage(
    key: string,
    body: Buffer,
    rendered: OutgoingHttpHeaders,
    since: number,
  ): Promise<void> {
    const headers: [string, string][] = [];
    for (const [name, value] of Object.entries(rendered)) {
      if (value === undefined || PER_TRANSFER.has(name)) continue;
      headers.push([name, Array.isArray(value) ? value.join(", ") : String(value)]);
    }
    const vary = String(rendered["vary"] ?? "");
    headers.push(["vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding"]);
    const [br, gz] = await Promise.all([
      brotli(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: KEPT_BROTLI_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        },
      }),
      gzipAsync(body, { level: 9 }),
    ]);
    const hit = ["cache-status", `${CACHE_NAME}; hit`];
    const flat = [...headers.flat(), ...hit];
    const kept = (name: string) => headers.filter(([n]) => n === name).flat();
    const length = (bytes: Buffer) => ["content-length", String(bytes.byteLength)];
    const page: CachedPage = {
      head: {
        br: [...flat, "content-encoding", "br", ...length(br)],
        gzip: [...flat, "content-encoding", "gzip", ...length(gz)],
        identity: [...flat, ...length(body)],
      },
      notModified: [...NOT_MODIFIED_HEADERS.flatMap(kept), ...hit],
      etag: rendered["etag"] ? String(rendered["etag"]) : null,
      br,
      gzip: gz,
      tags: tagsOf(key.slice(key.indexOf(" ") + 1)),
    };
    if (store.set(key, page, since)) counts.stored++;
  }

  return {
    serve,
    answer,
    capture,
    apply(change) {
      if (change.kind === "agency")
        store.invalidate([`agency:${change.agency}`, `province:${change.province}`, "site"]);
      else if (change.kind === "everything") store.invalidate("*");
    },
    stats: () => ({ ...counts, entries: store.size, bytes: store.bytes }),
  };
}
