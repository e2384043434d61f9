import { readFileSync } from "node:fs";
import { join } from "node:path";
import { e2eDataDir } from "./index.ts";

/**
 * A demo account's password in the list the server prints on its first start (and keeps in
 * `demo-accounts.txt`): lines of `email / password`.
 */
export function parseDemoPassword(text: string, email: string): string {
  const match = text.match(new RegExp(`${email.replace(/[.]/g, "\\.")}\\s+/\\s+(\\S+)`));
  if (!match?.[1]) throw new Error(`no demo password for ${email}`);
  return match[1];
}

/** The demo accounts the e2e server generated on its first start. */
export function demoAccount(
  configName: string,
  email: string,
): { email: string; password: string } {
  const text = readFileSync(join(e2eDataDir(configName), "demo-accounts.txt"), "utf8");
  return { email, password: parseDemoPassword(text, email) };
}
