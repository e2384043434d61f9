import { passwordWeakness } from "@ita/auth";
import { fieldError } from "../authz/field-error.ts";

const MESSAGES = {
  TOO_SHORT: "รหัสผ่านต้องยาวอย่างน้อย 12 ตัวอักษร ลองใช้วลีที่จำง่าย เช่น ชื่อสถานที่และสิ่งของหลายคำ",
  TOO_LONG: "รหัสผ่านยาวเกินไป (ไม่เกิน 256 ตัวอักษร)",
  COMMON: "รหัสผ่านนี้ถูกใช้บ่อยและเดาง่าย โปรดตั้งรหัสผ่านอื่น",
} as const;

/** Throws a field error on `field` when the password is too weak (length + common-password list). */
export function assertStrongPassword(password: string, field: string): void {
  const weakness = passwordWeakness(password);
  if (weakness) throw fieldError(field, MESSAGES[weakness]);
}
