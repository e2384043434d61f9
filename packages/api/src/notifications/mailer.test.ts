import { createServer, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMailEnv } from "./env.ts";
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
      readMailEnv({
        SMTP_URL: url,
        MAIL_FROM: "ITA <no-reply@example.go.th>",
        PUBLIC_URL: "https://ita.example.go.th",
      }),
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
        readMailEnv({ MAIL_FROM: "x" }),
      ),
    ).toBe(false);
  });

  it("builds links on PUBLIC_URL, never on the request, and requires it in production", () => {
    expect(linkOrigin(readMailEnv({ PUBLIC_URL: "https://ita.example.go.th/" }))).toBe(
      "https://ita.example.go.th",
    );
    // Development without PUBLIC_URL: this machine, whatever Host a request carried.
    expect(linkOrigin(readMailEnv({ PORT: "4400" }))).toBe("http://localhost:4400");
    expect(() => readMailEnv({ NODE_ENV: "production" })).toThrow(/PUBLIC_URL/);
    expect(() => readMailEnv({ SMTP_URL: "smtp://mail.example.go.th:587" })).toThrow(/PUBLIC_URL/);
  });
});
