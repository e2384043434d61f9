/** Test helper (used by *.test.ts only): a complainant's context and a valid filing. */
import type { World } from "../authz/test-world.ts";
import type { Context } from "../context.ts";

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

export const filing = (agencyId: string, extra: Record<string, unknown> = {}) => ({
  agencyId,
  subject: "bribery" as const,
  description: "เจ้าหน้าที่งานทะเบียนเรียกเงินสองพันบาทเพื่อออกใบอนุญาตให้เร็วขึ้น",
  occurredWhere: "ที่ว่าการอำเภอ",
  formToken: token(),
  ...extra,
});
