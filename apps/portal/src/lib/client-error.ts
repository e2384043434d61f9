import type { Duplex } from "node:stream";
import { requestTooLargeResponse } from "./oversize-request.ts";

/**
 * The server's `clientError` listener: requests Node could not parse never reach a page.
 * An oversize request head gets the Thai page instead of an empty 431; anything else
 * gets Node's usual bare 400.
 */
export function handleClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(
    error.code === "HPE_HEADER_OVERFLOW"
      ? requestTooLargeResponse()
      : "HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n",
  );
}
