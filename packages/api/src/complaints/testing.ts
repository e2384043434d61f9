/** Test helper (used by *.test.ts only): a complainant's context and a valid filing. */
import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import type { World } from "../authz/test-world.ts";
import type { Context } from "../context.ts";
import { issueFilingChallenge } from "./proof-of-work.ts";

const token = () => crypto.randomUUID().replaceAll("-", "") + "x".repeat(8);

export function complainantCtx(
  w: World,
  ip: string | null = null,
): Pick<Context, "db" | "now" | "request"> {
  return {
    db: w.db,
    now: () => w.now,
    request: { ip, userAgent: null, secure: true },
  };
}

/** A proof of work issued at `now` (trivial difficulty), solved unless `solved` is false. */
export async function proofAt(now: Date, solved = true) {
  const { challenge } = await issueFilingChallenge({
    ctx: { now: () => now },
    difficulty: { cost: 1, counterMax: 4 },
  });
  if (!solved) return { challenge };
  const parsed = JSON.parse(Buffer.from(challenge, "base64url").toString()) as Challenge;
  const solution = await solveChallenge({ challenge: parsed, deriveKey });
  return { challenge, solution: JSON.stringify(solution) };
}

/** A valid filing with a solved proof of work issued at the world's time. */
export const filing = async (w: World, agencyId: string, extra: Record<string, unknown> = {}) => ({
  agencyId,
  subject: "bribery" as const,
  description: "เจ้าหน้าที่งานทะเบียนเรียกเงินสองพันบาทเพื่อออกใบอนุญาตให้เร็วขึ้น",
  occurredWhere: "ที่ว่าการอำเภอ",
  formToken: token(),
  proof: await proofAt(w.now),
  ...extra,
});
