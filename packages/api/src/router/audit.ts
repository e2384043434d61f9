import { AuditQueryInput } from "@ita/domain/schemas";
import type { TRPCRouterRecord } from "@trpc/server";
import { listAudit } from "../audit/list-audit.ts";
import { staffProcedure } from "../authz/procedures.ts";

export const auditRouter = {
  // Scope is checked in the use case: all rows for system administrators, one agency's for its administrators.
  list: staffProcedure.input(AuditQueryInput).query(({ ctx, input }) => listAudit({ ctx, input })),
} satisfies TRPCRouterRecord;
