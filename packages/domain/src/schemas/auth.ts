import * as z from "zod";
import { thaiRequired } from "./common.ts";

/** Same cap as NewPasswordInput: hashing unbounded input is a denial-of-service risk. */
export const PASSWORD_MAX_LENGTH = 256;
export const PASSWORD_MIN_LENGTH = 12;

export const EmailInput = z
  .string(thaiRequired("อีเมล"))
  .trim()
  .toLowerCase()
  .pipe(
    z
      .email({ error: "รูปแบบอีเมลไม่ถูกต้อง เช่น name@example.go.th" })
      .max(254, { error: "อีเมลยาวเกินไป" }),
  );

export const SignInInput = z.object({
  email: EmailInput,
  password: z
    .string(thaiRequired("รหัสผ่าน"))
    .min(1, { error: "กรุณากรอกรหัสผ่าน" })
    .max(PASSWORD_MAX_LENGTH, { error: `รหัสผ่านยาวเกิน ${PASSWORD_MAX_LENGTH} ตัวอักษร` }),
});
export type SignInInput = z.infer<typeof SignInInput>;

/** A password being set. Length is the rule (NIST SP 800-63B): no composition rules. Not trimmed. */
export const NewPasswordInput = z
  .string(thaiRequired("รหัสผ่านใหม่"))
  .min(PASSWORD_MIN_LENGTH, { error: `รหัสผ่านต้องยาวอย่างน้อย ${PASSWORD_MIN_LENGTH} ตัวอักษร` })
  .max(PASSWORD_MAX_LENGTH, { error: `รหัสผ่านต้องยาวไม่เกิน ${PASSWORD_MAX_LENGTH} ตัวอักษร` });
export type NewPasswordInput = z.infer<typeof NewPasswordInput>;
