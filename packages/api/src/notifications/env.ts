import { z } from "zod";

const blankAsUnset = (v: unknown) => (v === "" ? undefined : v);

const MailEnv = z.object({
  /** e.g. smtp://user:pass@mail.example.go.th:587 — unset: links are shown to the administrator instead. */
  SMTP_URL: z.preprocess(blankAsUnset, z.url().optional()),
  MAIL_FROM: z.preprocess(blankAsUnset, z.string().default("ITA Portal <no-reply@localhost>")),
  /** Public origin for links in e-mails when the request's own origin is not the public one (behind a proxy). */
  PUBLIC_URL: z.preprocess(blankAsUnset, z.url().optional()),
});

export type MailEnv = z.infer<typeof MailEnv>;

/** The one place the API reads mail settings. */
// eslint-disable-next-line no-restricted-syntax -- this module is the env reader
export function readMailEnv(env: Record<string, string | undefined> = process.env): MailEnv {
  return MailEnv.parse(env);
}
