/** Inputs of system administration's role grants: province coordinators and system administrators (ADR 0026). */
import * as z from "zod";
import { IdInput } from "./admin.ts";
import { EmailInput } from "./auth.ts";
import { ProvinceIdInput } from "./results.ts";

/** The grant names the province; the account is found by its e-mail (an existing account). */
export const GrantCoordinatorInput = z.object({
  email: EmailInput,
  provinceId: ProvinceIdInput,
});

export const RevokeCoordinatorInput = z.object({
  userId: IdInput("ผู้ใช้"),
  provinceId: ProvinceIdInput,
});

export const GrantSystemAdminInput = z.object({ email: EmailInput });

export const RevokeSystemAdminInput = z.object({ userId: IdInput("ผู้ใช้") });
