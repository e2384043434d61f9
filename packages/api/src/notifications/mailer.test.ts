import { createServer, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkOrigin, sendMail } from "./mailer.ts";

/** A minimal SMTP server that records what it receives (no TLS, no auth). */
function fakeSmtp() {
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

describe("mailer", () => {
  const smtp = fakeSmtp();
  let url = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.server.listen(0, "127.0.0.1", resolve));
    url = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => smtp.server.close(() => resolve())));

  it("sends through SMTP_URL when it is set", async () => {
    const sent = await sendMail(
      {
        to: "clerk@example.go.th",
        subject: "คำเชิญ",
        text: "https://ita.example/admin/set-password?token=abc",
      },
      { SMTP_URL: url, MAIL_FROM: "ITA <no-reply@example.go.th>", PUBLIC_URL: undefined },
    );
    expect(sent).toBe(true);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]).toContain("clerk@example.go.th");
    expect(smtp.messages[0]).toContain("set-password?token=abc");
  });

  it("sends nothing without SMTP_URL (the caller shows the link instead)", async () => {
    expect(
      await sendMail(
        { to: "x@example.go.th", subject: "s", text: "t" },
        { SMTP_URL: undefined, MAIL_FROM: "x", PUBLIC_URL: undefined },
      ),
    ).toBe(false);
  });

  it("builds links on PUBLIC_URL when set, else on the request's origin", () => {
    expect(
      linkOrigin("http://localhost:4321", {
        SMTP_URL: undefined,
        MAIL_FROM: "x",
        PUBLIC_URL: "https://ita.example.go.th/",
      }),
    ).toBe("https://ita.example.go.th");
    expect(
      linkOrigin("http://localhost:4321", {
        SMTP_URL: undefined,
        MAIL_FROM: "x",
        PUBLIC_URL: undefined,
      }),
    ).toBe("http://localhost:4321");
  });
});
