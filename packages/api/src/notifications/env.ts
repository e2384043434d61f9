import { z } from "zod";

const blankAsUnset = (v: unknown) => (v === "" ? undefined : v);

const MailEnv = z
  .object({
    /** e.g. smtp://user:pass@mail.example.go.th:587 — unset: links are shown to the administrator instead. */
    SMTP_URL: z.preprocess(blankAsUnset, z.url().optional()),
    MAIL_FROM: z.preprocess(blankAsUnset, z.string().default("ITA Portal <no-reply@localhost>")),
    /**
     * The site's public origin (https://ita.example.go.th) for links in e-mails and shown
     * invitations. Never taken from a request's Host header, which a client chooses.
     */
    PUBLIC_URL: z.preprocess(blankAsUnset, z.url().optional()),
    NODE_ENV: z.preprocess(blankAsUnset, z.string().optional()),
    /** Development fallback for links when PUBLIC_URL is unset. */
    PORT: z.preprocess(blankAsUnset, z.coerce.number().int().default(4321)),
  })
  .superRefine((env, ctx) => {
    if (!env.PUBLIC_URL && (env.SMTP_URL || env.NODE_ENV === "production"))
      ctx.addIssue({
        code: "custom",
        path: ["PUBLIC_URL"],
        message:
          "PUBLIC_URL is required in production and whenever SMTP_URL is set (links in e-mails) — ต้องตั้ง PUBLIC_URL",
      });
  });

export type MailEnv = z.infer<typeof MailEnv>;

/** The one place the API reads mail settings; throws at start when they are inconsistent. */
// eslint-disable-next-line no-restricted-syntax -- this module is the env reader
export function readMailEnv(env: Record<string, string | undefined> = process.env): MailEnv {
  return MailEnv.parse(env);
}
