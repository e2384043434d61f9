import { createServer } from "node:net";

/** A minimal SMTP server that records what it receives (no TLS, no auth). */
export function fakeSmtp() {
  const messages: string[] = [];
  const server = createServer((socket) => {
    let data = false;
    let buffer = "";
    socket.write("220 localhost ESMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      if (data) {
        const end = buffer.indexOf("\r\n.\r\n");
        if (end === -1) return;
        messages.push(buffer.slice(0, end));
        buffer = buffer.slice(end + 5);
        data = false;
        socket.write("250 OK queued\r\n");
      }
      let nl: number;
      while (!data && (nl = buffer.indexOf("\r\n")) !== -1) {
        const line = buffer.slice(0, nl).toUpperCase();
        buffer = buffer.slice(nl + 2);
        if (line.startsWith("EHLO") || line.startsWith("HELO")) socket.write("250 localhost\r\n");
        else if (line.startsWith("DATA")) {
          data = true;
          socket.write("354 go ahead\r\n");
        } else if (line.startsWith("QUIT")) socket.end("221 bye\r\n");
        else socket.write("250 OK\r\n");
      }
    });
  });
  return { server, messages };
}
