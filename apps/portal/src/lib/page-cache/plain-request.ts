/**
 * The one shape of request the socket writer answers itself (socket-hits.ts): a complete
 * `GET` head in HTTP/1.1 with nothing unusual in it, as browsers and load balancers send
 * for a page. Everything else — a body, a chunked or upgraded request, HTTP/1.0, a head
 * split over packets, a duplicate or malformed field, a byte outside printable ASCII —
 * is "other" and goes to node:http's own parser, which answers or refuses it as before.
 * Being strict here is the point: a request this parser and llhttp could read
 * differently is never answered by this one (docs/adr/0032-socket-writer-for-hits.md).
 */
export interface PlainGet {
  /** The request target as sent: a path starting with "/", query included. */
  target: string;
  cookie: string | undefined;
  acceptEncoding: string | undefined;
  ifNoneMatch: string | undefined;
  /** Where the head ends in the text parsed (the next request, if pipelined, starts here). */
  end: number;
}

/** Not a plain GET, or not all of it yet: node:http reads it. */
export const OTHER = null;

/** Largest head answered here; longer ones (long search URLs) go to node:http and its limit. */
export const MAX_PLAIN_HEAD = 8 * 1024;

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** Visible ASCII, space and tab only: no obs-text, no control characters, no lone CR or LF. */
const FIELD_VALUE = /^[\t\x20-\x7e]*$/;
const TARGET = /^\/[\x21-\x7e]*$/;
const SURROUNDING_WHITESPACE = /^[\t ]+|[\t ]+$/g;

/** Fields whose presence means a body, a protocol switch or an expectation: never here. */
const NOT_PLAIN = new Set(["content-length", "transfer-encoding", "upgrade", "expect", "te"]);
/** Fields this parser reads (plus host), each allowed once. */
const READ = new Set(["host", "cookie", "accept-encoding", "if-none-match", "connection"]);

const REQUEST_LINE_START = "GET /";
const REQUEST_LINE_END = " HTTP/1.1";

/**
 * Reads the request head starting at `start` of `text` (the bytes as latin1, one
 * character per byte), or returns OTHER.
 */
export function parsePlainGet(text: string, start = 0): PlainGet | typeof OTHER {
  const headEnd = text.indexOf("\r\n\r\n", start);
  if (headEnd === -1 || headEnd - start > MAX_PLAIN_HEAD) return OTHER;
  if (!text.startsWith(REQUEST_LINE_START, start)) return OTHER;
  const lineEnd = text.indexOf("\r\n", start);
  if (!text.startsWith(REQUEST_LINE_END, lineEnd - REQUEST_LINE_END.length)) return OTHER;
  const target = text.slice(start + 4, lineEnd - REQUEST_LINE_END.length);
  if (!TARGET.test(target)) return OTHER;

  const fields = new Map<string, string>();
  for (let at = lineEnd + 2; at < headEnd + 2;) {
    const next = text.indexOf("\r\n", at);
    const colon = text.indexOf(":", at);
    if (colon === -1 || colon > next) return OTHER;
    const name = text.slice(at, colon).toLowerCase();
    const raw = text.slice(colon + 1, next);
    if (!TOKEN.test(name) || !FIELD_VALUE.test(raw) || NOT_PLAIN.has(name)) return OTHER;
    if (READ.has(name)) {
      if (fields.has(name)) return OTHER;
      fields.set(name, raw.replace(SURROUNDING_WHITESPACE, ""));
    }
    at = next + 2;
  }
  if (!fields.has("host")) return OTHER;
  const connection = fields.get("connection");
  if (connection !== undefined && connection.toLowerCase() !== "keep-alive") return OTHER;
  return {
    target,
    cookie: fields.get("cookie"),
    acceptEncoding: fields.get("accept-encoding"),
    ifNoneMatch: fields.get("if-none-match"),
    end: headEnd + 4,
  };
}
