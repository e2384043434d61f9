import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMailEnv } from "./env.ts";
import { fakeSmtp } from "../testing/fake-smtp.ts";
import { linkOrigin, sendMail } from "./mailer.ts";

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
