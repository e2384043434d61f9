import { readFileSync } from "node:fs";
import { join } from "node:path";
import { e2eDataDir } from "./index.ts";

/** The demo accounts the e2e server generated on its first start. */
export function demoAccount(
  configName: string,
  email: string,
): { email: string; password: string } {
  const text = readFileSync(join(e2eDataDir(configName), "demo-accounts.txt"), "utf8");
  const match = text.match(new RegExp(`${email.replace(/[.]/g, "\\.")}\\s+/\\s+(\\S+)`));
  if (!match?.[1]) throw new Error(`no demo password for ${email}`);
  return { email, password: match[1] };
}
