import type { Server as HttpServer, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { Duplex } from "node:stream";

/** How a forwarded request ended: answered whole (the client's connection goes on) or not. */
export type Forwarded = "answered" | "closed";

/** The forwarded requests in flight, by the connection node:http answers each on. */
const inFlight = new WeakMap<Duplex, (res: ServerResponse) => void>();

/**
 * Lets node:http tell the socket writer when a forwarded request's answer is complete.
 * Prepended, so that it sees the response before a handler that answers at once.
 */
export function watchForwardedResponses(http: HttpServer): void {
  http.prependListener("request", (req, res) => {
    inFlight.get(req.socket as unknown as Duplex)?.(res);
  });
}

/**
 * Answers one plain GET (its head, `head`; it has no body) through node:http without
 * giving it the client's connection: node:http reads the request from a connection of
 * its own (any Duplex, as node:http's documentation allows for "connection"), and what
 * it writes goes to the client's socket. `done` is called once: "answered" when the
 * response was sent whole and the socket may carry the next request, "closed" when
 * node:http closed its connection or the response was cut short (the socket is then
 * ended or destroyed here).
 */
export function forwardRequest(
  http: HttpServer,
  socket: Socket,
  head: Buffer,
  done: (how: Forwarded) => void,
): void {
  let settled = false;
  const settle = (how: Forwarded) => {
    if (settled) return;
    settled = true;
    socket.off("close", onClientClose);
    inFlight.delete(connection);
    // After node:http's own handling of the finished response.
    process.nextTick(() => {
      connection.destroy();
      done(how);
    });
  };
  const connection = new Duplex({
    read() {},
    write(chunk: Buffer, _encoding, callback) {
      if (socket.write(chunk)) callback();
      else socket.once("drain", () => callback());
    },
    final(callback) {
      // node:http ends its connection (it answered "Connection: close"): so does the client's.
      socket.end();
      settle("closed");
      callback();
    },
  });
  // What the portal reads of a connection (the client's address, for throttles), and the
  // socket methods node:http calls on keep-alive.
  Object.assign(connection, {
    remoteAddress: socket.remoteAddress,
    remotePort: socket.remotePort,
    remoteFamily: socket.remoteFamily,
    localAddress: socket.localAddress,
    localPort: socket.localPort,
    setTimeout: () => connection,
    setNoDelay: () => connection,
    setKeepAlive: () => connection,
  });
  const onClientClose = () => {
    connection.destroy();
    settle("closed");
  };
  socket.once("close", onClientClose);
  connection.once("close", () => {
    // Closed before its answer was complete (a timeout, a refusal): the client's socket
    // cannot carry on from the middle of a response.
    if (!settled) {
      socket.destroy();
      settle("closed");
    }
  });
  inFlight.set(connection, (res) => {
    res.once("finish", () => settle("answered"));
    res.once("close", () => {
      if (!res.writableFinished) {
        socket.destroy();
        settle("closed");
      }
    });
  });
  http.emit("connection", connection);
  connection.push(head);
}
