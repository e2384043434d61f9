import { generatePassword, hashPassword } from "@ita/auth/password";
import { DomainError } from "@ita/domain/errors";
import { EmailInput } from "@ita/domain/schemas";
import { eq } from "drizzle-orm";
import type { Executor } from "../client.ts";
import { users } from "../schema/index.ts";

/**
 * The first account of a production install (which starts without demo data): a
 * system administrator with a generated password, shown once to whoever runs the
 * command. They must enrol two-factor at first sign-in and can invite everyone else.
 */
export async function createSystemAdmin(
  db: Executor,
  input: { email: string; displayName?: string },
): Promise<{ email: string; password: string }> {
  const email = EmailInput.parse(input.email).trim().toLowerCase();
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) throw new DomainError("CONFLICT", `a user with ${email} exists`);
  const password = generatePassword(20);
  await db.insert(users).values({
    email,
    displayName: input.displayName?.trim() || "ผู้ดูแลระบบ",
    passwordHash: await hashPassword(password),
    isSystemAdmin: true,
  });
  return { email, password };
}
