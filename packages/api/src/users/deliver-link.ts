import { DomainError } from "@ita/domain/errors";
import type { StaffContext } from "../authz/procedures.ts";
import type { OneTimePurpose } from "../auth/one-time-links.ts";
import { linkOrigin, sendMail, smtpConfigured } from "../notifications/mailer.ts";

const SUBJECT: Record<OneTimePurpose, string> = {
  invitation: "คำเชิญเข้าใช้ระบบจัดการข้อมูล ITA",
  "password-reset": "ลิงก์ตั้งรหัสผ่านใหม่ ระบบจัดการข้อมูล ITA",
};

export type LinkDelivery = "email" | "show";

/**
 * How a one-time link for someone else reaches them (ADR 0014). With SMTP it is
 * e-mailed and never shown to whoever asked for it. Without SMTP it is shown only for
 * the invitation of a brand-new account (nobody else's account can be taken over by
 * it), or for a reset a system administrator asked for; an agency administrator's
 * reset is refused, so they cannot sign in as a colleague.
 */
export function linkDeliveryFor(ctx: StaffContext, purpose: OneTimePurpose): LinkDelivery {
  if (smtpConfigured()) return "email";
  if (purpose === "invitation" || ctx.user.isSystemAdmin) return "show";
  throw new DomainError("EMAIL_NOT_CONFIGURED");
}

/** Sends or returns the link as `linkDeliveryFor` decided (the link is never stored, only its hash). */
export async function deliverLink(
  ctx: Pick<StaffContext, "request">,
  to: { email: string; displayName: string },
  link: { purpose: OneTimePurpose; token: string; expiresAt: Date; delivery: LinkDelivery },
): Promise<{ delivery: "email"; link: null } | { delivery: "show"; link: string }> {
  const url = `${linkOrigin()}/admin/set-password?token=${link.token}`;
  if (link.delivery === "show") return { delivery: "show", link: url };
  const text = [
    `เรียน ${to.displayName}`,
    "",
    link.purpose === "invitation"
      ? "คุณได้รับเชิญให้เข้าใช้ระบบจัดการข้อมูลการเปิดเผยข้อมูลสาธารณะ (ITA)"
      : "มีการขอตั้งรหัสผ่านใหม่สำหรับบัญชีของคุณ",
    `โปรดตั้งรหัสผ่านที่ลิงก์นี้ (ใช้ได้ครั้งเดียว ภายใน ${link.expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC):`,
    url,
    "",
    "หากคุณไม่ได้คาดหวังอีเมลนี้ โปรดละเว้น",
  ].join("\n");
  const sent = await sendMail({ to: to.email, subject: SUBJECT[link.purpose], text });
  // SMTP was configured when the delivery was decided; never fall back to showing the link.
  if (!sent) throw new Error("SMTP configuration disappeared while sending a one-time link");
  return { delivery: "email", link: null };
}
