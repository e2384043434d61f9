import type { Context } from "../context.ts";
import { linkOrigin, sendMail } from "../notifications/mailer.ts";
import type { OneTimePurpose } from "../auth/one-time-links.ts";

const SUBJECT: Record<OneTimePurpose, string> = {
  invitation: "คำเชิญเข้าใช้ระบบจัดการข้อมูล ITA",
  "password-reset": "ลิงก์ตั้งรหัสผ่านใหม่ ระบบจัดการข้อมูล ITA",
};

/**
 * E-mails the one-time link when SMTP is configured; otherwise returns it so the
 * administrator can pass it on (the link is never stored, only its hash).
 */
export async function deliverLink(
  ctx: Pick<Context, "request">,
  to: { email: string; displayName: string },
  purpose: OneTimePurpose,
  token: string,
  expiresAt: Date,
): Promise<{ delivery: "email"; link: null } | { delivery: "show"; link: string }> {
  const link = `${linkOrigin()}/admin/set-password?token=${token}`;
  const text = [
    `เรียน ${to.displayName}`,
    "",
    purpose === "invitation"
      ? "คุณได้รับเชิญให้เข้าใช้ระบบจัดการข้อมูลการเปิดเผยข้อมูลสาธารณะ (ITA)"
      : "มีการขอตั้งรหัสผ่านใหม่สำหรับบัญชีของคุณ",
    `โปรดตั้งรหัสผ่านที่ลิงก์นี้ (ใช้ได้ครั้งเดียว ภายใน ${expiresAt.toISOString().slice(0, 16).replace("T", " ")} UTC):`,
    link,
    "",
    "หากคุณไม่ได้คาดหวังอีเมลนี้ โปรดละเว้น",
  ].join("\n");
  const sent = await sendMail({ to: to.email, subject: SUBJECT[purpose], text });
  return sent ? { delivery: "email", link: null } : { delivery: "show", link };
}
