import {
  CopyFrameworkInput,
  ExportFrameworkInput,
  FrameworkListInput,
  FrameworkRefInput,
  ImportFrameworkInput,
  RemoveFrameworkItemInput,
  SaveFrameworkItemInput,
  UpdateFrameworkInput,
} from "@ita/domain/schemas";
import type { TRPCRouterRecord } from "@trpc/server";
import { systemProcedure } from "../authz/procedures.ts";
import { copyFramework } from "../frameworks/copy-framework.ts";
import { exportFramework } from "../frameworks/export-framework.ts";
import { getFramework } from "../frameworks/get-framework.ts";
import { importFramework } from "../frameworks/import-framework.ts";
import { listFrameworks } from "../frameworks/list-frameworks.ts";
import { listManagedFrameworks } from "../frameworks/list-managed-frameworks.ts";
import { removeFrameworkItem } from "../frameworks/remove-framework-item.ts";
import { saveFrameworkItem } from "../frameworks/save-framework-item.ts";
import { updateFramework } from "../frameworks/update-framework.ts";
import { publicProcedure } from "../trpc.ts";

export const frameworkRouter = {
  list: publicProcedure.query(({ ctx }) => listFrameworks({ ctx })),
  // Administration: system administrators only (issue 8, ADR 0022).
  manage: systemProcedure
    .input(FrameworkListInput)
    .query(({ ctx, input }) => listManagedFrameworks({ ctx, input })),
  get: systemProcedure
    .input(FrameworkRefInput)
    .query(({ ctx, input }) => getFramework({ ctx, input })),
  copy: systemProcedure
    .input(CopyFrameworkInput)
    .mutation(({ ctx, input }) => copyFramework({ ctx, input })),
  update: systemProcedure
    .input(UpdateFrameworkInput)
    .mutation(({ ctx, input }) => updateFramework({ ctx, input })),
  saveItem: systemProcedure
    .input(SaveFrameworkItemInput)
    .mutation(({ ctx, input }) => saveFrameworkItem({ ctx, input })),
  removeItem: systemProcedure
    .input(RemoveFrameworkItemInput)
    .mutation(({ ctx, input }) => removeFrameworkItem({ ctx, input })),
  import: systemProcedure
    .input(ImportFrameworkInput)
    .mutation(({ ctx, input }) => importFramework({ ctx, input })),
  export: systemProcedure
    .input(ExportFrameworkInput)
    .query(({ ctx, input }) => exportFramework({ ctx, input })),
} satisfies TRPCRouterRecord;
