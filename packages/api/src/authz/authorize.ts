import { agencies, disclosureEntries, provinceReviewRounds, provinces } from "@ita/db/schema";
import { DomainError } from "@ita/domain/errors";
import { ROLE_DEFINITIONS, roleReads, type AgencyRole, type ReadScope } from "@ita/domain/roles";
import { eq } from "drizzle-orm";
import type { SessionUser } from "../auth/sessions.ts";
import type { Context } from "../context.ts";
import { agencyRolesOf, coordinatedProvinces } from "./roles.ts";

/**
 * Who may use an agency's data: holders of any of `roles` there (to act on it), and,
 * with `read`, everyone whose role reads that part of an agency (`@ita/domain/roles`) —
 * the province's coordinators included, who only ever read. The one read-only grant:
 * routers name a scope, never a list of reader roles.
 */
export interface AgencyAccess {
  roles?: readonly AgencyRole[];
  read?: ReadScope;
}

export interface AuthorizedAgency {
  id: string;
  provinceId: string;
  type: string;
  slug: string;
  /** Roles the actor holds here (for a system administrator, those it holds everywhere). */
  roles: ReadonlySet<AgencyRole>;
  /** Reads only: the actor is here as a coordinator of the province. */
  readOnly: boolean;
}

/**
 * The one authorisation check for agency data. Unknown agencies and agencies the
 * actor may not see answer alike (FORBIDDEN), so ids cannot be probed.
 */
export async function authorizeAgency(
  ctx: Pick<Context, "db">,
  user: SessionUser,
  agencyId: string,
  access: AgencyAccess,
): Promise<AuthorizedAgency> {
  const [agency] = await ctx.db
    .select({
      id: agencies.id,
      provinceId: agencies.provinceId,
      type: agencies.type,
      slug: agencies.slug,
    })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  if (!agency)
    throw new DomainError(user.isSystemAdmin ? "NOT_FOUND" : "FORBIDDEN", `agency ${agencyId}`);
  const roles = agencyRolesOf(user, agency.id);
  if (access.roles?.some((r) => roles.has(r))) return { ...agency, roles, readOnly: false };
  const scope = access.read;
  if (scope) {
    if ([...roles].some((r) => roleReads(r, scope))) return { ...agency, roles, readOnly: false };
    if (
      roleReads("province-coordinator", scope) &&
      coordinatedProvinces(user).has(agency.provinceId)
    )
      return { ...agency, roles, readOnly: ROLE_DEFINITIONS["province-coordinator"].readOnly };
  }
  throw new DomainError("FORBIDDEN", `no access to agency ${agencyId}`);
}

export type EntryRow = typeof disclosureEntries.$inferSelect;

/** Loads an entry and authorises the actor in its agency. */
export async function authorizeEntry(
  ctx: Pick<Context, "db">,
  user: SessionUser,
  entryId: string,
  access: AgencyAccess,
): Promise<{ entry: EntryRow; agency: AuthorizedAgency }> {
  const [entry] = await ctx.db
    .select()
    .from(disclosureEntries)
    .where(eq(disclosureEntries.id, entryId));
  if (!entry)
    throw new DomainError(user.isSystemAdmin ? "NOT_FOUND" : "FORBIDDEN", `entry ${entryId}`);
  const agency = await authorizeAgency(ctx, user, entry.agencyId, access);
  return { entry, agency };
}

export interface AuthorizedProvince {
  id: string;
  slug: string;
  nameTh: string;
  nameEn: string;
}

/**
 * The one check for a province's oversight (review plan, readiness, reviews): its
 * coordinators and system administrators. Unknown provinces and provinces the actor
 * does not coordinate answer alike (FORBIDDEN), as agencies do.
 */
export async function authorizeProvince(
  ctx: Pick<Context, "db">,
  user: SessionUser,
  provinceId: string,
): Promise<AuthorizedProvince> {
  const [province] = await ctx.db
    .select({
      id: provinces.id,
      slug: provinces.slug,
      nameTh: provinces.nameTh,
      nameEn: provinces.nameEn,
    })
    .from(provinces)
    .where(eq(provinces.id, provinceId));
  if (!province)
    throw new DomainError(user.isSystemAdmin ? "NOT_FOUND" : "FORBIDDEN", `province ${provinceId}`);
  if (user.isSystemAdmin || coordinatedProvinces(user).has(province.id)) return province;
  throw new DomainError("FORBIDDEN", `not a coordinator of province ${provinceId}`);
}

export type ReviewRoundRow = typeof provinceReviewRounds.$inferSelect;

/** Loads a review round and authorises the actor in its (stored) province. */
export async function authorizeReviewRound(
  ctx: Pick<Context, "db">,
  user: SessionUser,
  roundId: string,
): Promise<{ round: ReviewRoundRow; province: AuthorizedProvince }> {
  const [round] = await ctx.db
    .select()
    .from(provinceReviewRounds)
    .where(eq(provinceReviewRounds.id, roundId));
  if (!round)
    throw new DomainError(user.isSystemAdmin ? "NOT_FOUND" : "FORBIDDEN", `round ${roundId}`);
  const province = await authorizeProvince(ctx, user, round.provinceId);
  return { round, province };
}

export interface OverseenAgency {
  id: string;
  slug: string;
  nameTh: string;
  type: string;
  provinceId: string;
}

/** An agency seen from its province's oversight: authorised by the agency's stored province. */
export async function authorizeOverseenAgency(
  ctx: Pick<Context, "db">,
  user: SessionUser,
  agencyId: string,
): Promise<{ agency: OverseenAgency; province: AuthorizedProvince }> {
  const [agency] = await ctx.db
    .select({
      id: agencies.id,
      slug: agencies.slug,
      nameTh: agencies.nameTh,
      type: agencies.type,
      provinceId: agencies.provinceId,
    })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  if (!agency)
    throw new DomainError(user.isSystemAdmin ? "NOT_FOUND" : "FORBIDDEN", `agency ${agencyId}`);
  const province = await authorizeProvince(ctx, user, agency.provinceId);
  return { agency, province };
}
