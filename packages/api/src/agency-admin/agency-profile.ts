import type { Executor } from "@ita/db";
import { agencies, agencyExecutives, provinces } from "@ita/db/schema";
import { ComplaintDeadlineSettingsInput } from "@ita/domain/complaints";
import { AgencyProfileInput } from "@ita/domain/schemas";
import { asc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { containsPattern } from "../like-pattern.ts";
import type { z } from "zod";
import { recordAudit } from "../audit/record-audit.ts";
import type { AgencyContext, StaffContext } from "../authz/procedures.ts";
import { coordinatedProvinces } from "../authz/roles.ts";

async function loadProfile(db: Executor, agencyId: string) {
  const [agency] = await db.select().from(agencies).where(eq(agencies.id, agencyId));
  const executives = await db
    .select({ name: agencyExecutives.name, positionTh: agencyExecutives.positionTh })
    .from(agencyExecutives)
    .where(eq(agencyExecutives.agencyId, agencyId))
    .orderBy(asc(agencyExecutives.sortOrder));
  const a = agency!;
  return {
    agencyId: a.id,
    slug: a.slug,
    type: a.type,
    nameTh: a.nameTh,
    nameEn: a.nameEn,
    address: a.address,
    phone: a.phone,
    email: a.email,
    website: a.website,
    socialLinks: a.socialLinks,
    complaintChannels: a.complaintChannels,
    complaintAcknowledgeWorkingDays: a.complaintAcknowledgeWorkingDays,
    complaintDecideWorkingDays: a.complaintDecideWorkingDays,
    executives,
  };
}

export async function getAgencyProfileForEdit({ ctx }: { ctx: AgencyContext }) {
  return {
    ...(await loadProfile(ctx.db, ctx.agency.id)),
    readOnly: ctx.agency.readOnly || !ctx.agency.roles.has("agency-admin"),
  };
}

/** Agency administrators keep names, contacts, executives and social links current (category 1 of the portal). */
export async function updateAgencyProfile({
  ctx,
  input,
}: {
  ctx: AgencyContext;
  input: z.input<typeof AgencyProfileInput>;
}) {
  const p = AgencyProfileInput.parse(input);
  const before = await loadProfile(ctx.db, ctx.agency.id);
  // Deadlines apply to complaints filed from now on; the pair is checked as a whole.
  const deadlines = ComplaintDeadlineSettingsInput.parse({
    complaintAcknowledgeWorkingDays:
      p.complaintAcknowledgeWorkingDays ?? before.complaintAcknowledgeWorkingDays,
    complaintDecideWorkingDays: p.complaintDecideWorkingDays ?? before.complaintDecideWorkingDays,
  });
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(agencies)
      .set({
        nameTh: p.nameTh,
        nameEn: p.nameEn ?? null,
        address: p.address ?? null,
        phone: p.phone ?? null,
        email: p.email ?? null,
        website: p.website ?? null,
        socialLinks: p.socialLinks,
        complaintChannels: p.complaintChannels,
        ...deadlines,
        updatedAt: ctx.now(),
      })
      .where(eq(agencies.id, ctx.agency.id));
    await tx.delete(agencyExecutives).where(eq(agencyExecutives.agencyId, ctx.agency.id));
    if (p.executives.length > 0) {
      await tx.insert(agencyExecutives).values(
        p.executives.map((e, i) => ({
          agencyId: ctx.agency.id,
          name: e.name,
          positionTh: e.positionTh,
          sortOrder: i,
        })),
      );
    }
    const after = await loadProfile(tx, ctx.agency.id);
    await recordAudit(tx, {
      action: "agency.profile_updated",
      actor: ctx.user,
      targetType: "agency",
      targetId: ctx.agency.id,
      agencyId: ctx.agency.id,
      before,
      after,
      request: ctx.request,
    });
  });
  return loadProfile(ctx.db, ctx.agency.id);
}

/**
 * The agencies the user works in, for the admin's navigation: their own agencies,
 * every agency of a coordinated province, and (system administrators) a search over all.
 */
export async function listMyAgencies({
  ctx,
  input,
}: {
  ctx: StaffContext;
  input?: { q?: string | undefined };
}) {
  const own = [
    ...new Set(ctx.user.roles.map((r) => r.agencyId).filter((id): id is string => id !== null)),
  ];
  const provinceIds = [...coordinatedProvinces(ctx.user)];
  const conditions = [];
  if (own.length > 0) conditions.push(inArray(agencies.id, own));
  if (provinceIds.length > 0) conditions.push(inArray(agencies.provinceId, provinceIds));
  const q = input?.q?.trim();
  if (ctx.user.isSystemAdmin)
    conditions.push(
      q
        ? or(ilike(agencies.nameTh, containsPattern(q)), ilike(agencies.slug, containsPattern(q)))!
        : sql`true`,
    );
  if (conditions.length === 0) return [];
  const rows = await ctx.db
    .select({
      id: agencies.id,
      slug: agencies.slug,
      nameTh: agencies.nameTh,
      nameEn: agencies.nameEn,
      provinceTh: provinces.nameTh,
    })
    .from(agencies)
    .innerJoin(provinces, eq(provinces.id, agencies.provinceId))
    .where(or(...conditions))
    .orderBy(asc(agencies.nameTh))
    .limit(200);
  return rows.map((r) => ({
    ...r,
    roles: ctx.user.roles.filter((x) => x.agencyId === r.id).map((x) => x.role),
  }));
}
