import type { Server as HttpServer } from "node:http";
import { createServer, type Server, type Socket } from "node:net";
import { forwardRequest, watchForwardedResponses } from "./forwarded-request.ts";
import { parsePlainGet, type PlainGet } from "./plain-request.ts";

/** What the cache answers a plain GET with: a status, its headers as a flat list, the body. */
export interface SocketHit {
  status: 200 | 304;
  headers: string[];
  body: Buffer | undefined;
}

/**
 * node:http's keep-alive timeout (5 s by default): an idle connection is closed after it,
 * and the same figure is announced in `Keep-Alive`, as node:http does.
 */
export const KEEP_ALIVE_MS = 5_000;
/** How long a new connection may stay silent before its first request (node:http: 60 s). */
const FIRST_REQUEST_MS = 60_000;

const STATUS_LINE = { 200: "HTTP/1.1 200 OK", 304: "HTTP/1.1 304 Not Modified" } as const;

/**
 * The port's listener (docs/adr/0032-socket-writer-for-hits.md). A request the page cache
 * holds is answered here, on the socket, without node:http: its stored head and body go
 * out in one write. A plain GET the cache does not hold (a miss, an asset, a signed-in
 * page) is answered by node:http on a connection of its own, and the client's connection
 * stays here for its next request. The first request that is not a plain GET (a body,
 * HEAD, anything unusual) hands the connection to node:http for the rest of its life,
 * with the bytes read so far put back unread, so node:http sees the connection as if it
 * had accepted it.
 *
 * Through node:http a hit cost about three times nginx's whole answer (llhttp, streams,
 * the response object, header validation); here it costs under twice (docs/performance.md).
 */
export function createSocketHitServer({
  http,
  answer,
}: {
  http: HttpServer;
  /** The cache's answer to a plain GET, or null for node:http to answer it. */
  answer: (request: PlainGet) => SocketHit | null;
}): Server {
  // Half-open like node:http's own sockets, so that after a hand-over node:http treats a
  // client that closed its side as it always did; before one, its hits are answered and
  // the connection closed (onEnd).
  const server = createServer({ noDelay: true, allowHalfOpen: true }, (socket) =>
    serveHits(socket, http, answer),
  );
  // node:http starts its header and request timeouts (slow clients) when it listens, and
  // stops them when closed: it never listens itself here, so it is told when this does.
  server.on("listening", () => http.emit("listening"));
  watchForwardedResponses(http);
  server.on("close", () => http.close());
  return server;
}

function serveHits(
  socket: Socket,
  http: HttpServer,
  answer: (request: PlainGet) => SocketHit | null,
): void {
  const onTimeout = () => socket.destroy();
  const onError = () => socket.destroy();
  /** Answering here, waiting for node:http's answer to a forwarded request, or handed over. */
  let state: "hits" | "forwarding" | "handed-over" = "hits";
  /** Whether a request was answered: the keep-alive timeout applies from then on. */
  let answered = false;
  /** The client closed its side: ours closes once every request read is answered. */
  let ended = false;
  const onEnd = () => {
    ended = true;
    if (state === "hits") socket.end();
  };
  socket.setTimeout(FIRST_REQUEST_MS);
  socket.on("timeout", onTimeout);
  socket.on("error", onError);
  socket.on("end", onEnd);
  socket.on("data", onData);

  function onData(chunk: Buffer): void {
    const text = chunk.toString("latin1");
    let at = 0;
    socket.cork();
    try {
      while (at < chunk.length) {
        const request = parsePlainGet(text, at);
        if (!request) return handOff(chunk.subarray(at));
        const hit = answer(request);
        if (!hit) return forward(chunk.subarray(at, request.end), chunk.subarray(request.end));
        writeHit(socket, hit);
        at = request.end;
        if (socket.writableNeedDrain && at < chunk.length) {
          // A client sending requests faster than it reads the answers waits for them.
          const goOn = carryOnLater(chunk.subarray(at));
          socket.once("drain", goOn);
          return;
        }
      }
      if (!answered) {
        // From now on, like node:http's keep-alive: closed after this long without a byte.
        answered = true;
        socket.setTimeout(KEEP_ALIVE_MS);
      }
    } finally {
      socket.uncork();
    }
  }

  /**
   * Stops reading until the returned function is called; it then goes on with `rest` (the
   * requests already read but not answered yet) and what arrived meanwhile, in order.
   */
  function carryOnLater(rest: Buffer): () => void {
    socket.pause();
    return () => {
      socket.resume();
      if (rest.length > 0) onData(rest);
    };
  }

  /** node:http answers `head`; this connection then goes on with `rest` and what follows. */
  function forward(head: Buffer, rest: Buffer): void {
    state = "forwarding";
    // Nothing more is read until the answer is out (answers go in the order asked), and a
    // slow page is not an idle connection.
    const goOn = carryOnLater(rest);
    socket.setTimeout(0);
    forwardRequest(http, socket, head, (how) => {
      state = "hits";
      if (how === "closed" || socket.destroyed || socket.writableEnded) return;
      answered = true;
      socket.setTimeout(KEEP_ALIVE_MS);
      goOn();
      if (ended && state === "hits") socket.end();
    });
  }

  function handOff(unread: Buffer): void {
    state = "handed-over";
    socket.off("data", onData);
    socket.off("error", onError);
    socket.off("end", onEnd);
    socket.off("timeout", onTimeout);
    socket.setTimeout(0);
    // Paused around the hand-over so that the unread bytes reach node:http's parser first,
    // before anything that arrives later.
    socket.pause();
    if (unread.length > 0) socket.unshift(unread);
    http.emit("connection", socket);
    socket.resume();
  }
}

/** The head's first lines, the same for every answer within one second. */
let startOfHead = { second: -1, 200: Buffer.alloc(0), 304: Buffer.alloc(0) };
/** Each stored header list as the bytes written, made on its first hit. */
const headBytes = new WeakMap<string[], Buffer>();

function writeHit(socket: Socket, hit: SocketHit): void {
  const now = Date.now();
  const second = Math.floor(now / 1000);
  if (startOfHead.second !== second) {
    const common = `Date: ${new Date(now).toUTCString()}\r\nConnection: keep-alive\r\nKeep-Alive: timeout=${KEEP_ALIVE_MS / 1000}\r\n`;
    startOfHead = {
      second,
      200: Buffer.from(`${STATUS_LINE[200]}\r\n${common}`, "latin1"),
      304: Buffer.from(`${STATUS_LINE[304]}\r\n${common}`, "latin1"),
    };
  }
  let head = headBytes.get(hit.headers);
  if (!head) {
    let text = "";
    for (let i = 0; i < hit.headers.length; i += 2)
      text += `${hit.headers[i]}: ${hit.headers[i + 1]}\r\n`;
    head = Buffer.from(`${text}\r\n`, "latin1");
    headBytes.set(hit.headers, head);
  }
  socket.write(startOfHead[hit.status]);
  socket.write(head);
  if (hit.body) socket.write(hit.body);
}
