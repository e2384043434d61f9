import { createTransport } from "nodemailer";
import { readMailEnv, type MailEnv } from "./env.ts";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends when SMTP is configured; returns false (nothing sent) otherwise, so the caller shows the link. */
export async function sendMail(
  message: MailMessage,
  env: MailEnv = readMailEnv(),
): Promise<boolean> {
  if (!env.SMTP_URL) return false;
  const transport = createTransport(env.SMTP_URL);
  await transport.sendMail({ from: env.MAIL_FROM, ...message });
  return true;
}

/** Origin for links: PUBLIC_URL when set, else the one the administrator is using. */
export function linkOrigin(requestOrigin: string | null, env: MailEnv = readMailEnv()): string {
  return (env.PUBLIC_URL ?? requestOrigin ?? "http://localhost:4321").replace(/\/$/, "");
}
