import { hashPassword } from "@ita/auth/password";
import type { Executor } from "../client.ts";
import { agencies, districts, provinces, roleAssignments, users } from "../schema/index.ts";

// Test data builders: each call makes fresh, unique rows, so tests never share fixtures.
let sequence = 0;
const next = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`;

export async function createProvince(db: Executor, overrides: Partial<typeof provinces.$inferInsert> = {}) {
  const n = next();
  const [row] = await db.insert(provinces).values({ slug: `province-${n}`, nameTh: `จังหวัดทดสอบ ${n}`, nameEn: `Province ${n}`, ...overrides }).returning();
  return row!;
}

export async function createAgency(db: Executor, overrides: Partial<typeof agencies.$inferInsert> = {}) {
  const provinceId = overrides.provinceId ?? (await createProvince(db)).id;
  const n = next();
  const [district] = overrides.districtId
    ? [{ id: overrides.districtId }]
    : await db.insert(districts).values({ provinceId, slug: `district-${n}`, nameTh: `อำเภอทดสอบ ${n}`, nameEn: `District ${n}` }).returning();
  const [row] = await db
    .insert(agencies)
    .values({ slug: `agency-${n}`, nameTh: `องค์การบริหารส่วนตำบลทดสอบ ${n}`, type: "sao", provinceId, districtId: district!.id, ...overrides })
    .returning();
  return row!;
}

export interface RoleSpec {
  role: "agency-admin" | "editor" | "approver" | "complaint-officer" | "province-coordinator";
  agencyId?: string;
  provinceId?: string;
}

export async function createUser(
  db: Executor,
  options: { roles?: RoleSpec[]; isSystemAdmin?: boolean; password?: string; email?: string } = {},
) {
  const n = next();
  const password = options.password ?? `test-password-${n}`;
  const [row] = await db
    .insert(users)
    .values({
      email: options.email ?? `user-${n}@test.example`,
      displayName: `ผู้ใช้ทดสอบ ${n}`,
      passwordHash: await hashPassword(password),
      isSystemAdmin: options.isSystemAdmin ?? false,
    })
    .returning();
  if (options.roles?.length) {
    await db.insert(roleAssignments).values(options.roles.map((r) => ({ ...r, userId: row!.id })));
  }
  return { ...row!, password };
}
