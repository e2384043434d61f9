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

/** Whether e-mail can be sent: one-time links then travel only by e-mail (ADR 0014). */
export function smtpConfigured(env: MailEnv = readMailEnv()): boolean {
  return Boolean(env.SMTP_URL);
}

/**
 * Origin for links: PUBLIC_URL (required in production, see env.ts), else this machine
 * in development. Never the request's Host header: a forged Host would otherwise put an
 * attacker's site into a password-reset e-mail.
 */
export function linkOrigin(env: MailEnv = readMailEnv()): string {
  return (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}
