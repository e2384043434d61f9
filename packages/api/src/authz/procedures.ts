import { DomainError } from "@ita/domain/errors";
import {
  AgencyIdInput,
  IdInput,
  MeasureIdInput,
  ProgressIdInput,
  ProvinceIdInput,
  ReviewRoundIdInput,
} from "@ita/domain/schemas";
import { z } from "zod";
import type { Session, SessionUser } from "../auth/sessions.ts";
import type { Context } from "../context.ts";
import { authedProcedure } from "../trpc.ts";
import {
  authorizeAgency,
  authorizeEntry,
  authorizeOverseenAgency,
  authorizeProvince,
  authorizeReviewRound,
  type AgencyAccess,
  type AuthorizedAgency,
  type AuthorizedProvince,
  type EntryRow,
  type OverseenAgency,
  type ReviewRoundRow,
} from "./authorize.ts";
import { requiresTwoFactor } from "./roles.ts";
import {
  authorizeMeasure,
  authorizeProgress,
  type MeasureRow,
  type ProgressRow,
} from "../measures/access.ts";

export type StaffContext = Context & { user: SessionUser; session: Session };
export type AgencyContext = StaffContext & { agency: AuthorizedAgency };
export type EntryContext = AgencyContext & { entry: EntryRow };
export type ProvinceContext = StaffContext & { province: AuthorizedProvince };
export type ReviewRoundContext = ProvinceContext & { round: ReviewRoundRow };
export type MeasureContext = AgencyContext & { measure: MeasureRow };
export type ProgressContext = MeasureContext & { progress: ProgressRow };
export type OverseenAgencyContext = ProvinceContext & { agency: OverseenAgency };

/** True when this session may act: two-factor done where the user's roles (or choice) require it. */
export function sessionIsFullyVerified(user: SessionUser, session: Session): boolean {
  return session.twoFactorVerified || (!requiresTwoFactor(user) && !user.totpEnabled);
}

/**
 * Signed in, and past two-factor when required. A session that still owes its second
 * factor may only enrol, verify, read `auth.me` and sign out (authedProcedure).
 */
export const staffProcedure = authedProcedure.use(({ ctx, next }) => {
  if (!sessionIsFullyVerified(ctx.user, ctx.session)) throw new DomainError("TWO_FACTOR_REQUIRED");
  return next();
});

/**
 * System administrators only (assessment frameworks, province coordinators and system
 * administrators themselves). Anyone else is refused, whatever they hold elsewhere.
 */
export const systemProcedure = staffProcedure.use(({ ctx, next }) => {
  if (!ctx.user.isSystemAdmin) throw new DomainError("FORBIDDEN", "system administrators only");
  return next();
});

/** Procedures on one agency's data: input `{ agencyId }`, actor needs one of `access.roles` there. */
export function agencyProcedure(access: AgencyAccess) {
  return staffProcedure
    .input(z.object({ agencyId: AgencyIdInput }))
    .use(async ({ ctx, input, next }) => {
      const agency = await authorizeAgency(ctx, ctx.user, input.agencyId, access);
      return next({ ctx: { agency } });
    });
}

/** Procedures on one entry: input `{ entryId }`, authorised in the entry's agency. */
export function entryProcedure(access: AgencyAccess) {
  return staffProcedure
    .input(z.object({ entryId: IdInput("รายการ") }))
    .use(async ({ ctx, input, next }) => {
      const { entry, agency } = await authorizeEntry(ctx, ctx.user, input.entryId, access);
      return next({ ctx: { agency, entry } });
    });
}

/**
 * A province's oversight (plan, readiness, reviews): input `{ provinceId }`, for the
 * province's coordinators and system administrators (authz/authorize.ts).
 */
export const provinceProcedure = staffProcedure
  .input(z.object({ provinceId: ProvinceIdInput }))
  .use(async ({ ctx, input, next }) => {
    const province = await authorizeProvince(ctx, ctx.user, input.provinceId);
    return next({ ctx: { province } });
  });

/** One round of a province's plan: input `{ roundId }`, authorised by the round's stored province. */
export const reviewRoundProcedure = staffProcedure
  .input(z.object({ roundId: ReviewRoundIdInput }))
  .use(async ({ ctx, input, next }) => {
    const { round, province } = await authorizeReviewRound(ctx, ctx.user, input.roundId);
    return next({ ctx: { round, province } });
  });

/** An agency as its province's coordinator sees it: input `{ agencyId }`, authorised by its stored province. */
export const overseenAgencyProcedure = staffProcedure
  .input(z.object({ agencyId: AgencyIdInput }))
  .use(async ({ ctx, input, next }) => {
    const { agency, province } = await authorizeOverseenAgency(ctx, ctx.user, input.agencyId);
    return next({ ctx: { agency, province } });
  });

/** One weak point and its measure: input `{ measureId }`, authorised in the measure's stored agency. */
export function measureProcedure(access: AgencyAccess) {
  return staffProcedure
    .input(z.object({ measureId: MeasureIdInput }))
    .use(async ({ ctx, input, next }) => {
      const { measure, agency } = await authorizeMeasure(ctx, ctx.user, input.measureId, access);
      return next({ ctx: { agency, measure } });
    });
}

/** One progress update of a measure: input `{ progressId }`, authorised in its measure's stored agency. */
export function progressProcedure(access: AgencyAccess) {
  return staffProcedure
    .input(z.object({ progressId: ProgressIdInput }))
    .use(async ({ ctx, input, next }) => {
      const { progress, measure, agency } = await authorizeProgress(
        ctx,
        ctx.user,
        input.progressId,
        access,
      );
      return next({ ctx: { agency, measure, progress } });
    });
}
