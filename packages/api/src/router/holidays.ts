import {
  HolidayInput,
  HolidayYearInput,
  ImportHolidaysInput,
  RemoveHolidayInput,
} from "@ita/domain/holidays";
import type { TRPCRouterRecord } from "@trpc/server";
import { systemProcedure } from "../authz/procedures.ts";
import {
  importHolidays,
  listHolidays,
  removeHoliday,
  saveHoliday,
} from "../holidays/manage-holidays.ts";

/** Public holidays, skipped by working-day deadlines: system administrators only (ADR 0030). */
export const holidaysRouter = {
  list: systemProcedure
    .input(HolidayYearInput)
    .query(({ ctx, input }) => listHolidays({ ctx, input })),
  save: systemProcedure
    .input(HolidayInput)
    .mutation(({ ctx, input }) => saveHoliday({ ctx, input })),
  remove: systemProcedure
    .input(RemoveHolidayInput)
    .mutation(({ ctx, input }) => removeHoliday({ ctx, input })),
  import: systemProcedure
    .input(ImportHolidaysInput)
    .mutation(({ ctx, input }) => importHolidays({ ctx, input })),
} satisfies TRPCRouterRecord;
