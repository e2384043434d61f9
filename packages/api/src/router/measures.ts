import {
  AddMeasureInput,
  AddProgressInput,
  CreateMeasuresDraftInput,
  MeasureFields,
  MeasuresYearInput,
  PrefillWeakPointsInput,
  UpdateProgressInput,
} from "@ita/domain/schemas";
import type { TRPCRouterRecord } from "@trpc/server";
import { agencyProcedure, measureProcedure, progressProcedure } from "../authz/procedures.ts";
import { createMeasuresDraft } from "../measures/create-measures-draft.ts";
import { getMeasuresYear } from "../measures/get-measures-year.ts";
import {
  addMeasure,
  addProgress,
  prefillWeakPoints,
  removeMeasure,
  removeProgress,
  updateMeasure,
  updateProgress,
} from "../measures/save-measure.ts";
import { entryFileStore } from "../uploads/entry-files.ts";

const readers = { read: "disclosures" } as const;
const editors = { roles: ["editor"] } as const;

/**
 * The year's integrity measures of an agency (docs/domain.md §9): read by whoever reads
 * its disclosures, written by its editors; measure-scoped calls are authorised in the
 * measure's stored agency.
 */
export const measuresRouter = {
  year: agencyProcedure(readers)
    .input(MeasuresYearInput)
    .query(({ ctx, input }) => getMeasuresYear({ ctx, input })),
  prefill: agencyProcedure(editors)
    .input(PrefillWeakPointsInput)
    .mutation(({ ctx, input }) => prefillWeakPoints({ ctx, input })),
  add: agencyProcedure(editors)
    .input(AddMeasureInput)
    .mutation(({ ctx, input }) => addMeasure({ ctx, input })),
  update: measureProcedure(editors)
    .input(MeasureFields)
    .mutation(({ ctx, input }) => updateMeasure({ ctx, input })),
  remove: measureProcedure(editors).mutation(({ ctx }) => removeMeasure({ ctx })),
  addProgress: measureProcedure(editors)
    .input(AddProgressInput)
    .mutation(({ ctx, input }) => addProgress({ ctx, input })),
  /** Progress updates are corrected or removed by the editors who may add them. */
  updateProgress: progressProcedure(editors)
    .input(UpdateProgressInput)
    .mutation(({ ctx, input }) => updateProgress({ ctx, input })),
  removeProgress: progressProcedure(editors).mutation(({ ctx }) => removeProgress({ ctx })),
  createDraft: agencyProcedure(editors)
    .input(CreateMeasuresDraftInput)
    .mutation(({ ctx, input }) => createMeasuresDraft({ ctx, input, files: entryFileStore() })),
} satisfies TRPCRouterRecord;
