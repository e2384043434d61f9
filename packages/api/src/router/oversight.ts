import {
  AgencyReviewInput,
  CopyReviewPlanInput,
  CreateReviewRoundInput,
  ExportRoundInput,
  ReadinessInput,
  ReviewItemInput,
  ReviewRoundFields,
} from "@ita/domain/schemas";
import { FiscalYearInput } from "@ita/domain/schemas";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import {
  overseenAgencyProcedure,
  provinceProcedure,
  reviewRoundProcedure,
  staffProcedure,
} from "../authz/procedures.ts";
import { exportRoundReport } from "../oversight/export-round.ts";
import { listOverseenProvinces } from "../oversight/list-provinces.ts";
import { getReadiness, getRoundSummary } from "../oversight/readiness.ts";
import { getAgencyReview, reviewItem } from "../oversight/review-item.ts";
import {
  copyReviewPlan,
  createReviewRound,
  deleteReviewRound,
  getReviewPlan,
  updateReviewRound,
} from "../oversight/review-plan.ts";

/**
 * A province's oversight (docs/domain.md §8): its coordinators and system
 * administrators plan review rounds, follow readiness and review published items. They
 * never write an agency's entries.
 */
export const oversightRouter = {
  provinces: staffProcedure.query(({ ctx }) => listOverseenProvinces({ ctx })),
  plan: provinceProcedure
    .input(z.object({ fiscalYear: FiscalYearInput }))
    .query(({ ctx, input }) => getReviewPlan({ ctx, input })),
  createRound: provinceProcedure
    .input(CreateReviewRoundInput)
    .mutation(({ ctx, input }) => createReviewRound({ ctx, input })),
  /** Last year's rounds as this year's (deadlines a year on, items mapped by tag or code). */
  copyPlan: provinceProcedure
    .input(CopyReviewPlanInput)
    .mutation(({ ctx, input }) => copyReviewPlan({ ctx, input })),
  updateRound: reviewRoundProcedure
    .input(ReviewRoundFields)
    .mutation(({ ctx, input }) => updateReviewRound({ ctx, input })),
  deleteRound: reviewRoundProcedure.mutation(({ ctx }) => deleteReviewRound({ ctx })),
  readiness: provinceProcedure
    .input(ReadinessInput)
    .query(({ ctx, input }) => getReadiness({ ctx, input })),
  exportRound: reviewRoundProcedure
    .input(ExportRoundInput)
    .query(({ ctx, input }) => exportRoundReport({ ctx, input })),
  summary: reviewRoundProcedure.query(({ ctx }) => getRoundSummary({ ctx })),
  agencyReview: overseenAgencyProcedure
    .input(AgencyReviewInput)
    .query(({ ctx, input }) => getAgencyReview({ ctx, input })),
  review: overseenAgencyProcedure
    .input(ReviewItemInput)
    .mutation(({ ctx, input }) => reviewItem({ ctx, input })),
} satisfies TRPCRouterRecord;
